package org.syncbridge.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.syncbridge.tenant.RequestRejected;

/** Every refusal of the REST APIs as a JSON error object with the matching HTTP status. */
public final class ApiErrors {
    private ApiErrors() {
    }

    static Response response(Response.StatusType status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, message)).build();
    }

    /** A refusal decided by a service. */
    @Provider
    public static class Rejected implements ExceptionMapper<RequestRejected> {
        @Override
        public Response toResponse(RequestRejected e) {
            Response.Status status = switch (e.reason()) {
                case INVALID -> Response.Status.BAD_REQUEST;
                case NOT_FOUND -> Response.Status.NOT_FOUND;
                case CONFLICT -> Response.Status.CONFLICT;
                case FORBIDDEN -> Response.Status.FORBIDDEN;
            };
            return response(status, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
    }

    /** A body that is not the JSON the resource reads. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return response(Response.Status.BAD_REQUEST, "invalid", "the request body is not valid JSON for this resource");
        }
    }

    /** The same, when the JSON-B provider reports it unwrapped. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return response(Response.Status.BAD_REQUEST, "invalid", "the request body is not valid JSON for this resource");
        }
    }

    /** JAX-RS's own answers (unknown path, wrong method or media type) keep their status. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            return response(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'),
                    e.getMessage() == null ? status.getReasonPhrase() : e.getMessage());
        }
    }
}
