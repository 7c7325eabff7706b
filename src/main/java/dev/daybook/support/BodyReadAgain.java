package dev.daybook.support;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has already read (to check its size, its signature or its form),
 * readable again by what comes after the filter, as a stream or as text.
 */
public final class BodyReadAgain extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Charset forcedCharset;

    private BodyReadAgain(HttpServletRequest request, byte[] body, Charset forcedCharset) {
        super(request);
        this.body = body;
        this.forcedCharset = forcedCharset;
    }

    /** Read as UTF-8 whatever the request declares: what Slack sends, and what Bolt expects. */
    public static HttpServletRequest asUtf8(HttpServletRequest request, byte[] body) {
        return new BodyReadAgain(request, body, StandardCharsets.UTF_8);
    }

    /** Read in the encoding the request declares (UTF-8 when it declares none). */
    public static HttpServletRequest asDeclared(HttpServletRequest request, byte[] body) {
        return new BodyReadAgain(request, body, null);
    }

    @Override
    public String getCharacterEncoding() {
        return forcedCharset != null ? forcedCharset.name() : super.getCharacterEncoding();
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
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
                throw new UnsupportedOperationException("the body is already read");
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
}
