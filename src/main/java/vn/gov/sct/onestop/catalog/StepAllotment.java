package vn.gov.sct.onestop.catalog;

import java.math.BigDecimal;

/** Time the ISO process document allots to one step (a BPMN user task) in a unit, in working days. */
public record StepAllotment(String step, String unit, BigDecimal days) {}
