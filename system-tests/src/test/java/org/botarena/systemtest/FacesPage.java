package org.botarena.systemtest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Faces page as a browser without JavaScript sees it: GET it (keeping the session cookie), then
 * submit one of its forms by a button, with the form's hidden fields (the view state among them).
 */
final class FacesPage {

  private static final Pattern HIDDEN =
      Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  /**
   * The page's script nonce (PrimeFaces' CSP mode), which PrimeFaces' script posts with every form.
   */
  private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

  private final URI base;

  /** The client's address as a trusted proxy tells it ({@code X-Forwarded-For}); null: none. */
  private final String forwardedFor;

  private String html;

  /**
   * A browser session on the portal at {@code base} (e.g. {@code http://127.0.0.1:18180/arena/}).
   */
  FacesPage(String base) {
    this(base, null);
  }

  /**
   * The same from {@code client} behind a proxy the stack trusts (its {@code
   * arena.trusted-proxies}).
   */
  FacesPage(String base, String client) {
    this.base = URI.create(base.endsWith("/") ? base : base + "/");
    this.forwardedFor = client;
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
  }

  /** GETs a page of the portal (relative to the base), keeping the session. */
  String open(String path) throws Exception {
    html =
        http.send(request(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return html;
  }

  /**
   * A GET of a path (relative to the base) in this session, with headers given as name, value,
   * name, value...; the whole answer, its status and headers included.
   */
  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = request(base.resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in through the portal's sign-in form. */
  String signIn(String user, String password) throws Exception {
    open("signin.xhtml");
    return submit(
        "signin",
        "",
        "signin:submit",
        Map.of("signin:username", user, "signin:password", password));
  }

  /**
   * Submits form {@code formId} by the first button named {@code buttonPrefix...} after {@code
   * anchor}.
   */
  String submit(String formId, String anchor, String buttonPrefix) throws Exception {
    return submit(formId, anchor, buttonPrefix, Map.of());
  }

  /** The same, with the form's visible fields filled in. */
  String submit(String formId, String anchor, String buttonPrefix, Map<String, String> typed)
      throws Exception {
    int form = html.indexOf("<form id=\"" + formId + "\"");
    int end = html.indexOf("</form>", form);
    if (form < 0 || end < 0) {
      throw new AssertionError("no form " + formId + " on the page:\n" + html);
    }
    String body = html.substring(form, end);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(body);
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    int at = body.indexOf(anchor);
    Matcher button =
        Pattern.compile("name=\"(" + Pattern.quote(buttonPrefix) + "[^\"]*)\"").matcher(body);
    if (at < 0 || !button.find(at)) {
      throw new AssertionError(
          "no button " + buttonPrefix + " after " + anchor + " in form " + formId);
    }
    fields.put(button.group(1), "");
    Matcher nonce = NONCE.matcher(html);
    if (nonce.find()) {
      fields.put(
          "primefaces.nonce", nonce.group(1)); // a post without it is refused: CSP nonce mismatch
    }
    fields.putAll(typed);
    Matcher action = ACTION.matcher(html.substring(form, html.indexOf('>', form)));
    URI target = action.find() ? base.resolve(action.group(1).replace("&amp;", "&")) : base;
    String encoded =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    html =
        http.send(
                request(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return html;
  }
}
