package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;

/** The channel a notice of intent not to renew was given through (AGR-4: only written counts). */
public enum NoticeChannel {
  /** A written notice: the only channel that counts (AGR-4). */
  WRITTEN,
  /** An e-mail: refused (AGR-4). */
  EMAIL,
  /** A phone call: refused (AGR-4). */
  PHONE;

  /** @return whether a notice through this channel counts (AGR-4) */
  public boolean counts() {
    return this == WRITTEN;
  }

  /**
   * Parses a channel name, ignoring case and surrounding blanks: {@code "written"}, {@code "Email"}.
   *
   * @param text the name
   * @return the channel
   * @throws io.github.cspkit.csp.OutOfRangeException when no channel has that name
   */
  public static NoticeChannel parse(String text) {
    requireNonNull(text, "text");
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (NoticeChannel channel : values()) {
      if (channel.name().equals(name)) {
        return channel;
      }
    }
    throw new io.github.cspkit.csp.OutOfRangeException(String.format(
        "unknown notice channel '%s'; expected one of %s", text, Arrays.toString(values())));
  }
}
