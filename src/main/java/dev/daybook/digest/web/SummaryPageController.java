package dev.daybook.digest.web;

import dev.daybook.digest.Digests;
import dev.daybook.digest.summary.WeeklySummary;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /digests/<token>}: a summary's web page, for readers without Slack. The token is the only
 * key; anything but a working link gets the same plain 404 page, which says nothing about any project.
 */
@Controller
class SummaryPageController {

    private final Digests digests;

    SummaryPageController(Digests digests) {
        this.digests = digests;
    }

    @GetMapping("/digests/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        // The token is in the URL: keep it out of caches, search engines and other sites' referrer logs.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        // The page is complete as served: no scripts, nothing fetched from anywhere.
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        Optional<WeeklySummary> summary = digests.openLink(token);
        if (summary.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "digest/not-found";
        }
        model.addAttribute("page", SummaryPage.of(summary.get()));
        return "digest/summary";
    }

    @GetMapping({"/digests", "/digests/"})
    String noToken(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-store");
        return "digest/not-found";
    }
}
