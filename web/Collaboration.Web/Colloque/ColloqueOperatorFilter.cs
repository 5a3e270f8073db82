using Collaboration.Web.Platform;

namespace Collaboration.Web.Colloque;

/// <summary>
/// The one check of the <c>/api/colloques/{id}</c> group (view, figures, check-ins, search, list, badges): an organiser,
/// or a desk paired with this colloque; anyone else gets 403, before the handler runs.
/// </summary>
public sealed class ColloqueOperatorFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.GetRouteValue("id") is string value && Guid.TryParse(value, out var parsed) ? parsed : Guid.Empty;
        return ColloquePermissions.CanOperate(http.User, id) ? next(context) : ValueTask.FromResult<object?>(Problems.Forbidden());
    }
}
