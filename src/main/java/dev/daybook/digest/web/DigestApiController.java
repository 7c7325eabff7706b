package dev.daybook.digest.web;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.WeeklySummary;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.daybook.access.ApiCaller;
import dev.daybook.access.ApiProjects;
import dev.daybook.projects.Project;


/** {@code GET /api/v1/digests/<project>/<iso-week>.md}: a week's summary as Markdown, for email. */
@RestController
class DigestApiController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final Digests digests;
    private final ApiProjects projects;

    DigestApiController(Digests digests, ApiProjects projects) {
        this.digests = digests;
        this.projects = projects;
    }

    @GetMapping("/api/v1/digests/{project}/{week}.md")
    ResponseEntity<String> markdown(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                                    @PathVariable String project, @PathVariable String week,
                                    @RequestParam(required = false) String team) {
        IsoWeek isoWeek = IsoWeek.parse(week).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "'" + week + "' is not an ISO week: write it like 2026-W48 (weeks 01 to 52, or 53 in long years)."));
        Project found = projects.resolve(caller, project, team);
        WeeklySummary summary = digests.summary(found, isoWeek);
        return ResponseEntity.ok().contentType(MARKDOWN).body(MarkdownSummary.render(summary, null));
    }
}
