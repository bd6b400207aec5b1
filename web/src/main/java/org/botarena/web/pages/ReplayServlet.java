package org.botarena.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.botarena.arena.portal.MatchHistory;

/** {@code /arena/replay/<match uuid>}: the stored replay (gzip-compressed JSON lines) as a download. */
@WebServlet("/replay/*")
public class ReplayServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient MatchHistory history;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    UUID id;
    try {
      id = UUID.fromString(path);
    } catch (IllegalArgumentException e) {
      resp.sendError(404);
      return;
    }
    byte[] data = history.replay(id).orElse(null);
    if (data == null) {
      resp.sendError(404);
      return;
    }
    resp.setContentType("application/gzip");
    resp.setHeader("Content-Disposition", "attachment; filename=\"match-" + id + ".jsonl.gz\"");
    resp.setContentLength(data.length);
    resp.getOutputStream().write(data);
  }
}
