package org.village.shared.api;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before the application sees them (an address with an encoded
 * slash, a malformed one): JSON for addresses under {@code /api/}, Tomcat's usual plain page (without server details)
 * for everything else.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        int status = response.getStatus();
        if (uri == null || !(uri.startsWith(ApiError.PREFIX) || uri.equals("/api"))) {
            super.report(request, response, throwable);
            return;
        }
        // the same conditions as Tomcat's own page: only an error with nothing written yet (an API's own JSON error
        // has been written already and is left alone)
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted() || !response.setErrorReported()) {
            return;
        }
        var httpStatus = HttpStatus.resolve(status);
        try {
            response.resetBuffer();
            ApiError.write(response.getResponse(), httpStatus == null ? HttpStatus.BAD_REQUEST : httpStatus,
                    status == 400 ? "The address is not in a form this API understands." : "This request cannot be answered.");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            super.report(request, response, throwable);
        }
    }
}
