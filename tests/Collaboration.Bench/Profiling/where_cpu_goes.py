#!/usr/bin/env python3
"""Where a web node's CPU goes: reads the folded stacks of a CPU-sampling trace (`dotnet-trace collect-linux
--profile cpu-sampling`, folded by fold/Program.cs: one "root;...;leaf count" line per stack) and counts each sample in
the first category (in the order below) that one of its frames matches.

    python3 where_cpu_goes.py trace.folded [CPU ms per registration of this node, from /proc]

Every sample is time on a CPU (perf's cpu-clock), so no wait state needs leaving out."""
import re, sys
from collections import defaultdict

# First match wins (a stack that composes an email inside a grain call counts as the email).
CATEGORIES = [
    ("email: composition (MimeKit, QR code PNG, .ics, texts)", r"MailComposer|QRCoder|Calendar\.CalendarFile|MailTexts"),
    ("email: writing the .eml (pickup transport)", r"PickupMailTransport|MimeKit\.MimeMessage\.WriteTo|MimeKit\.MimeEntity\.WriteTo"),
    ("email: other MimeKit", r"^MimeKit|^MailKit|^mimekit"),
    ("grain storage: Orleans ADO.NET provider + Npgsql", r"Orleans\.Storage\.|AdoNet|RelationalStorage|^Npgsql|^npgsql"),
    ("reminders", r"Reminder"),
    ("logging", r"Microsoft\.Extensions\.Logging|LoggerMessage|Console\.Log"),
    # Not the ASP.NET Core instrumentation's startup filter: it wraps the whole request pipeline, which is not its cost.
    ("metrics / telemetry", r"^(?!OpenTelemetry\.Instrumentation\.AspNetCore\.Implementation\.HttpServerErrorTypeStartupFilter)"
                            r".*(System\.Diagnostics\.Metrics|OpenTelemetry|Prometheus|Telemetry)"),
    ("Orleans serialization (messages and state copies)", r"Orleans\.Serialization"),
    ("Orleans messaging and networking (silo-to-silo, callbacks)", r"Orleans\.Runtime\.Messaging|Orleans\.Networking|Orleans\.Runtime\.MessageCenter|Orleans\.Runtime\.InsideRuntimeClient|Orleans\.Runtime\.OutsideRuntimeClient|Orleans\.Runtime\.CallbackData|Orleans\.Runtime\.Messaging|Orleans\.Connections|SharedCallbackData"),
    ("our grains (Collaboration.Grains)", r"^Collaboration\.Grains"),
    ("Orleans scheduler, catalog, activation, invoke", r"^Orleans|^orleans"),
    ("ASP.NET Core: JSON (System.Text.Json)", r"System\.Text\.Json|^system\.text\.json"),
    ("ASP.NET Core: rate limiting", r"RateLimit"),
    ("ASP.NET Core: data protection, auth, antiforgery, CSRF", r"DataProtection|Authentication|Authorization|Antiforgery|Csrf|Cryptography"),
    ("our web endpoints (Collaboration.Web)", r"^Collaboration\.Web"),
    ("ASP.NET Core: Kestrel, HTTP parsing, routing, middleware", r"Microsoft\.AspNetCore|System\.Net\.Http|Kestrel|^microsoft\.aspnetcore|^microsoft\.extensions"),
    ("sockets and pipelines", r"System\.Net\.Sockets|System\.IO\.Pipelines|System\.Net\.Security|^system\.net\.sockets|^system\.io\.pipelines"),
    ("JIT / tiering", r"libclrjit|TieredCompilation"),
    ("thread pool, tasks, timers (unattributed)", r"System\.Threading|System\.Runtime\.CompilerServices"),
]
COMPILED = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in CATEGORIES]
MANAGED = re.compile(r"\[([^\]]+)\] ([^(]+)")

def normalise(frame):
    """"instance void [Module] Namespace.Type::Method(args)[Tier]" -> "Namespace.Type::Method"; "module.dll!?" stays."""
    m = MANAGED.search(frame)
    return m.group(2).strip() if m else frame

def category(stack):
    for name, rx in COMPILED:
        for frame in stack:
            if rx.search(frame):
                return name
    if all(f.startswith(("libcoreclr", "libc.so", "__clone", "start_thread", "vmlinux", "!?", "libstdc")) or "!" not in f and "::" not in f and "." not in f for f in stack):
        return "runtime native code (GC, type system, stubs: libcoreclr, unresolved) and kernel"
    return "other managed code"

def stacks(path):
    for line in open(path):
        line = line.rstrip("\n")
        stack, _, count = line.rpartition(" ")
        yield [normalise(f) for f in stack.split(";")], int(count)

def main():
    per = float(sys.argv[2]) if len(sys.argv) > 2 else None
    sums = defaultdict(float)
    for stack, count in stacks(sys.argv[1]):
        sums[category(stack)] += count
    total = sum(sums.values())
    print(f"| where | share of the node's CPU samples |{' CPU ms per registration |' if per else ''}")
    print(f"|---|---:|{'---:|' if per else ''}")
    for name, n in sorted(sums.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {100 * n / total:.1f}% |{f' {per * n / total:.2f} |' if per else ''}")
    print(f"| **all ({int(total)} samples)** | 100% |{f' **{per:.2f}** |' if per else ''}")

if __name__ == "__main__":
    main()
