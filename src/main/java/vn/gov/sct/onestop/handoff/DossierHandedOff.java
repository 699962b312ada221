package vn.gov.sct.onestop.handoff;

import java.time.Instant;

/**
 * A processing step of the dossier: it was handed from one unit to another (a control slip line), published inside
 * the engine's transaction by {@link HandOffDossier}; the portal's status sync listens.
 */
public record DossierHandedOff(String code, String fromUnit, String toUnit, String actor, Instant at,
    Instant dueAt) {}
