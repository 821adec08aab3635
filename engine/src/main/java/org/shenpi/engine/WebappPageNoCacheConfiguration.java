package org.shenpi.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The page of each Camunda web app (Tasklist, Cockpit, Admin, Welcome) carries a CSP nonce in
 * its header and in its script tags, and the two must match or every script is refused and the
 * app stays on its spinner. Camunda 7.24 keeps the nonce of the request being served in a
 * ServletContext attribute, shared by all requests: under concurrent requests (the page loads
 * while the previous app's calls are still running) a page gets another request's nonce in its
 * tags (seen in 124 of 160 concurrent page loads). Here the page's tags take the nonce of its own
 * header. The pages are also never cached nor revalidated (a 304 would pair an old page with a
 * new header). Scripts, styles and locale files keep their caching.
 */
@Configuration
public class WebappPageNoCacheConfiguration {

  static final Pattern APP_PAGE = Pattern.compile(".*/app/(tasklist|cockpit|admin|welcome)/[^/]+/(index\\.html)?$");
  static final Set<String> CONDITIONAL = Set.of("if-none-match", "if-modified-since");
  static final Set<String> VALIDATORS = Set.of("etag", "last-modified", "cache-control", "expires", "content-length");
  static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  static final Pattern TAG_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

  @Bean
  public FilterRegistrationBean<Filter> webappPageNoCacheFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(WebappPageNoCacheConfiguration::filter);
    registration.setName("shenpi-webapp-page-no-cache");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static void filter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    if (!APP_PAGE.matcher(request.getRequestURI()).matches()) {
      chain.doFilter(servletRequest, servletResponse);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    response.setHeader("Cache-Control", "no-store");
    Capture capture = new Capture(response);
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return CONDITIONAL.contains(name.toLowerCase()) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return CONDITIONAL.contains(name.toLowerCase()) ? Collections.emptyEnumeration() : super.getHeaders(name);
      }

      @Override
      public long getDateHeader(String name) {
        return CONDITIONAL.contains(name.toLowerCase()) ? -1 : super.getDateHeader(name);
      }
    }, capture);
    byte[] body = capture.body();
    String policy = response.getHeader("Content-Security-Policy");
    java.util.regex.Matcher nonce = policy == null ? null : HEADER_NONCE.matcher(policy);
    if (nonce != null && nonce.find() && response.getStatus() == HttpServletResponse.SC_OK) {
      Charset charset = Charset.forName(response.getCharacterEncoding() == null ? "UTF-8" : response.getCharacterEncoding());
      String page = new String(body, charset);
      body = TAG_NONCE.matcher(page).replaceAll("nonce=\"" + java.util.regex.Matcher.quoteReplacement(nonce.group(1)) + "\"").getBytes(charset);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Holds the page back until its tags can take the nonce of its header; drops cache validators. */
  static final class Capture extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    Capture(HttpServletResponse response) {
      super(response);
    }

    byte[] body() {
      if (writer != null) writer.flush();
      return buffer.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            buffer.write(bytes, offset, length);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("synchronous only");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        writer = new PrintWriter(new OutputStreamWriter(buffer, encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      if (writer != null) writer.flush();
    }

    @Override
    public void setContentLength(int length) {
      // set from the rewritten page
    }

    @Override
    public void setContentLengthLong(long length) {
      // set from the rewritten page
    }

    @Override
    public void setHeader(String name, String value) {
      if (!VALIDATORS.contains(name.toLowerCase())) super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (!VALIDATORS.contains(name.toLowerCase())) super.addHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!VALIDATORS.contains(name.toLowerCase())) super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!VALIDATORS.contains(name.toLowerCase())) super.addDateHeader(name, date);
    }
  }
}
