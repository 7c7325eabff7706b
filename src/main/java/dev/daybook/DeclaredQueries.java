package dev.daybook;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * How Spring Data reads the {@code @Query} strings of the repositories. By default it parses each one
 * with its own HQL grammar when the application starts, to be able to derive count queries and apply
 * {@code Sort} arguments; Hibernate then parses it again to validate it. Daybook's queries take no
 * {@code Pageable} or {@code Sort}, so the first parse bought nothing and cost an eighth of the start-up
 * (see docs/benchmarks.md). The simple enhancer Spring Data falls back to is used instead; Hibernate
 * still parses and validates every query at start-up. Public for the repository code Spring's
 * ahead-of-time processing generates at build time in each module's package.
 */
public class DeclaredQueries implements QueryEnhancerSelector {

    @Override
    public QueryEnhancerFactory select(DeclaredQuery query) {
        return QueryEnhancerFactories.fallback();
    }
}
