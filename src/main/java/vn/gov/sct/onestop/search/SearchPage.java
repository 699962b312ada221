package vn.gov.sct.onestop.search;

import java.util.List;

/** One page of a search: {@code page} counts from 0; {@code total} is the number of matches over all pages. */
public record SearchPage(List<DossierSummary> items, int page, int size, long total, String sort) {}
