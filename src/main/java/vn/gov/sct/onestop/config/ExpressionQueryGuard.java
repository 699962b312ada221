package vn.gov.sct.onestop.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.Problems;

/**
 * Refuses engine queries that carry expressions. Camunda 7.24.0 checks ad-hoc query expressions
 * ({@code enableExpressionsInAdhocQueries=false}) only on the top-level query, not inside {@code orQueries}
 * (a publicly reported bypass fixed only in enterprise patches), which lets any staff user run code on the
 * server. So no query parameter and no JSON key, at any depth, may end in {@code Expression}.
 *
 * <p>Applies to the whole engine REST API ({@code /engine-rest}; a process variable whose name ends in
 * "Expression" cannot be set through it either, the price of a simple rule), and to the task and filter
 * queries of the web apps' own API ({@code /camunda/api/engine}), where stored filters with expressions
 * (created by administrators) keep working.
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

  private static final Pattern WEBAPP_QUERY = Pattern.compile(
      "/camunda/api/engine/engine/[^/]+/(task(/.*)?|filter/[^/]+/(list|count|singleResult))");

  private final Problems problems;
  private final ObjectMapper json;

  ExpressionQueryGuard(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/") || WEBAPP_QUERY.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String parameter = expressionParameter(request.getQueryString());
    if (parameter != null) {
      reject(request, response, parameter);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response); // deployments: files, not queries
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    if (body.length > 0) {
      boolean form = contentType != null
          && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
      String key = form ? expressionParameter(new String(body, StandardCharsets.UTF_8)) : expressionKey(body);
      if (key != null) {
        reject(request, response, key);
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
    problems.write(request, response, ApiProblem.field(HttpStatus.BAD_REQUEST, "expression-query", field));
  }

  static boolean isExpression(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  /** The first query parameter named like an expression, or one that cannot be decoded (refused too). */
  static String expressionParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      String raw = pair.split("=", 2)[0];
      String name;
      try {
        name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return raw;
      }
      if (isExpression(name)) {
        return name;
      }
    }
    return null;
  }

  /** The path of the first JSON key, at any depth, named like an expression; null for none or for non-JSON. */
  String expressionKey(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      return null; // not JSON: the engine refuses it as such
    } catch (IOException e) {
      return null;
    }
    return find(root, "");
  }

  private static String find(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (isExpression(field.getKey())) {
          return at;
        }
        String inner = find(field.getValue(), at);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = find(node.get(i), path + "[" + i + "]");
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** The request with its body read once and served again to the engine. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
