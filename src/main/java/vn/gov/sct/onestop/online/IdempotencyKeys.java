package vn.gov.sct.onestop.online;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * {@code Idempotency-Key} of online submissions, in the submission's transaction: a retry with the same key
 * and the same request gets the first answer again (same dossier code, same secret); the same key with
 * another request is refused (422).
 *
 * <p>The first answer holds the lookup secret, which must not be stored in clear. It is kept encrypted
 * (AES-GCM) under a key derived from the client's Idempotency-Key and the request's hash; the table holds
 * only the key's hash, so a reader of the database cannot decrypt it without the client's key. Clients must
 * therefore send a random key (a UUID); the format check below refuses short keys.
 */
@Repository
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  public IdempotencyKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static void checkFormat(String key) {
    if (key != null && !FORMAT.matcher(key).matches()) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "idempotency-key", HEADER);
    }
  }

  /**
   * The stored answer of an earlier request with this key, or empty after claiming the key for this
   * request (the claim rolls back with the transaction).
   */
  public Optional<byte[]> claimOrReplay(String key, String requestHash) {
    String keyHash = Sha256.hex(key);
    Optional<byte[]> earlier = earlier(keyHash, key, requestHash);
    if (earlier.isPresent()) {
      return earlier;
    }
    try {
      jdbc.update("insert into online_idempotency_key (key_hash, request_hash, created_at) values (?, ?, ?)",
          keyHash, requestHash, EngineClock.now().atOffset(ZoneOffset.UTC));
    } catch (DuplicateKeyException concurrent) {
      throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-in-progress");
    }
    return Optional.empty();
  }

  public void complete(String key, String requestHash, String dossierCode, byte[] response) {
    jdbc.update("update online_idempotency_key set dossier_code = ?, response = ? where key_hash = ?",
        dossierCode, encrypt(key, requestHash, response), Sha256.hex(key));
  }

  private Optional<byte[]> earlier(String keyHash, String key, String requestHash) {
    List<Stored> rows = jdbc.query("select request_hash, response from online_idempotency_key where key_hash = ?",
        (rs, n) -> new Stored(rs.getString(1), rs.getBytes(2)), keyHash);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Stored stored = rows.get(0);
    if (!stored.requestHash().equals(requestHash)) {
      throw ApiProblem.field(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-mismatch", HEADER);
    }
    if (stored.response() == null) {
      throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-in-progress");
    }
    return Optional.of(decrypt(key, requestHash, stored.response()));
  }

  private record Stored(String requestHash, byte[] response) {}

  private static byte[] encrypt(String key, String requestHash, byte[] plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, requestHash, iv);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt an idempotent answer", e);
    }
  }

  private static byte[] decrypt(String key, String requestHash, byte[] stored) {
    try {
      byte[] iv = java.util.Arrays.copyOf(stored, 12);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, requestHash, iv);
      return cipher.doFinal(stored, 12, stored.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt an idempotent answer", e);
    }
  }

  private static Cipher cipher(int mode, String key, String requestHash, byte[] iv) throws GeneralSecurityException {
    byte[] aesKey = Sha256.digest().digest(
        ("onestop-idempotency-v1|" + key + "|" + requestHash).getBytes(StandardCharsets.UTF_8));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
    return cipher;
  }
}
