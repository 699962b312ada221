package vn.gov.sct.onestop.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Mã tra cứu: the secret that, with the dossier code, lets an applicant follow an online dossier. 256
 * random bits, shown once, stored as its SHA-256 hash only. A fast hash is enough here: the secret is
 * random and long, so there is nothing to guess from the hash (unlike a password).
 */
@Repository
public class LookupSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** 31 letters and digits without 0/O, 1/I/L: a secret printed on paper is typed by hand. */
  private static final String TYPABLE = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  /** Compared when the code is unknown, so both failures take the same time. */
  private static final String NO_HASH = Sha256.hex("no dossier");

  private final JdbcTemplate jdbc;

  public LookupSecrets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new secret for the dossier: its hash is stored, the secret itself returned once. */
  public String issue(String dossierCode) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update("insert into dossier_lookup_secret (dossier_code, secret_hash, created_at) values (?, ?, ?)",
        dossierCode, Sha256.hex(secret), EngineClock.now().atOffset(ZoneOffset.UTC));
    return secret;
  }

  /**
   * A lookup secret for a dossier received at the counter, printed on its receipt for the applicant to type:
   * 16 characters of an alphabet without look-alikes (79 random bits) in groups of four. The public endpoints are
   * rate limited per client address, so 79 bits are far out of reach of guessing. Nothing when the dossier
   * already has a secret (an online submission): returns null.
   */
  public String issueForCounter(String dossierCode) {
    StringBuilder secret = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        secret.append('-');
      }
      secret.append(TYPABLE.charAt(RANDOM.nextInt(TYPABLE.length())));
    }
    // one statement: inserted only where the dossier has no secret yet, and whether it was tells which case this is
    int inserted = jdbc.update("insert into dossier_lookup_secret (dossier_code, secret_hash, created_at) "
            + "select code, cast(? as char(64)), cast(? as timestamp with time zone) from dossier where code = ? "
            + "and not exists (select 1 from dossier_lookup_secret where dossier_code = ?)",
        Sha256.hex(secret.toString()), EngineClock.now().atOffset(ZoneOffset.UTC), dossierCode, dossierCode);
    return inserted == 1 ? secret.toString() : null;
  }

  /**
   * Passes when the secret belongs to the dossier; otherwise 404, the same answer whether the code exists
   * or not, so codes cannot be probed.
   */
  public void verify(String dossierCode, String secret) {
    List<String> stored = jdbc.queryForList(
        "select secret_hash from dossier_lookup_secret where dossier_code = ?", String.class, dossierCode);
    String expected = stored.isEmpty() ? NO_HASH : stored.get(0);
    String given = Sha256.hex(secret == null ? "" : secret);
    boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII));
    if (stored.isEmpty() || !equal) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found");
    }
  }
}
