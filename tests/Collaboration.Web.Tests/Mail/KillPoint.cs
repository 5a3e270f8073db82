namespace Collaboration.Web.Tests.Mail;

/// <summary>Where in the send the node sending a message is killed (SIGKILL).</summary>
public enum KillPoint
{
    /// <summary>Its connection reaches the SMTP server, before the greeting.</summary>
    BeforeSmtp,
    /// <summary>The server has the message's DATA and has not answered yet.</summary>
    DuringSmtp,
    /// <summary>The server answered 250; the node has not recorded the delivery yet (or just has).</summary>
    After250BeforeRecord,
    /// <summary>The delivery is recorded (the outbox says sent).</summary>
    AfterRecord,
}
