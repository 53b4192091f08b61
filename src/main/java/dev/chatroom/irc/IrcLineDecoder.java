package dev.chatroom.irc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one framed line into a {@link Message}, or into a {@link LineError} when it breaks the
 * limits: 512 bytes without tags (510 before CRLF), a tag section of 8191 bytes from a server or
 * 4094 bytes of tag data from a client (IRCv3 message-tags), valid UTF-8, no NUL, CR or LF.
 * Blank lines are ignored, as IRC servers do.
 */
public final class IrcLineDecoder extends MessageToMessageDecoder<ByteBuf> {
    public static final int MAX_BODY = 510;
    public static final int MAX_TAGS = 8191;
    /** Tag data a client may send: the tag section without its '@' and the space after it. */
    public static final int MAX_CLIENT_TAG_DATA = 4094;

    public static final int MAX_LINE = MAX_BODY + MAX_TAGS;

    private final CharsetDecoder utf8;
    private final int maxTagSection;

    /** The strict UTF-8 decoder the server uses: invalid input is reported, not replaced. */
    public static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A strict decoder, as the server uses: invalid UTF-8 becomes {@link LineError#INVALID_UTF8}. */
    public IrcLineDecoder() {
        this(false);
    }

    /**
     * @param lenient replace invalid UTF-8 with U+FFFD instead of refusing the line (for a client,
     *     which should show what a server sent rather than lose it)
     */
    public IrcLineDecoder(boolean lenient) {
        CodingErrorAction onError = lenient ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        maxTagSection = lenient ? MAX_TAGS : MAX_CLIENT_TAG_DATA + 2;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        Object decoded = decode(line);
        if (decoded != null) out.add(decoded);
    }

    /** A Message, a LineError, or null for a line to ignore. */
    public Object decode(ByteBuf line) {
        return decode(line, line.readerIndex(), line.writerIndex(), utf8, maxTagSection);
    }

    /** A line from a client, as the server reads it: at most 4094 bytes of tag data. */
    public static Object decode(ByteBuf line, int start, int end, CharsetDecoder utf8) {
        return decode(line, start, end, utf8, MAX_CLIENT_TAG_DATA + 2);
    }

    /**
     * Bytes [start, end) of a buffer as a Message, a LineError, or null for a line to ignore.
     * The decoder is the caller's: one per thread, since a CharsetDecoder keeps state.
     * maxTagSection counts the tag section with its '@' and the space that ends it.
     */
    public static Object decode(ByteBuf line, int start, int end, CharsetDecoder utf8, int maxTagSection) {
        if (end == start) return null;
        int bodyStart = start;
        if (line.getByte(start) == '@') {
            int space = line.indexOf(start, end, (byte) ' ');
            int tagsEnd = space < 0 ? end : space + 1;
            if (tagsEnd - start > maxTagSection) return LineError.TOO_LONG;
            bodyStart = tagsEnd;
        }
        while (bodyStart < end && line.getByte(bodyStart) == ' ') bodyStart++;
        if (end - bodyStart > MAX_BODY) return LineError.TOO_LONG;
        if (bodyStart == end) return null;
        if (line.forEachByte(start, end - start, b -> b != 0 && b != '\r' && b != '\n') >= 0)
            return LineError.FORBIDDEN_CHARACTER; // LF: only a WebSocket message can hold one
        String text;
        if (line.forEachByte(start, end - start, b -> b >= 0) < 0) {
            text = line.toString(start, end - start, StandardCharsets.US_ASCII);
        } else {
            try {
                ByteBuffer bytes = line.nioBuffer(start, end - start);
                text = utf8.reset().decode(bytes).toString();
            } catch (CharacterCodingException e) {
                return LineError.INVALID_UTF8;
            }
        }
        try {
            return Message.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
