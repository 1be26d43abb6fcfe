package dev.orchwiz.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page for everything that fails outside a controller: {@code sendError} from the security firewall (a
 * {@code ;}, {@code //} or encoded {@code %} in the path), the servlet API's answer to an unknown method, an exception
 * escaping a filter. It replaces Spring Boot's {@code BasicErrorController}, whose JSON had no {@code code} and whose
 * HTML page is not an API answer. Hidden from the API description: it is no endpoint anyone calls.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not dispatched to by the container: there is no error to describe.
        int code = status instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        ContainerProblem problem = ContainerProblem.of(code);
        String detail = problem.detail();
        if (code >= 500) {
            String incident = UUID.randomUUID().toString();
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error(
                    "Unexpected failure outside a controller on {}, incident {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    incident,
                    failure instanceof Throwable throwable ? throwable : null);
            detail = detail + "; quote incident " + incident + " when reporting it";
        }
        return ProblemResponses.problem(
                HttpStatusCode.valueOf(code), problem.code(), problem.title(), detail, List.of());
    }
}
