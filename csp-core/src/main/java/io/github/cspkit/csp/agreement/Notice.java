package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A notice of intent not to renew (AGR-3), given by either {@link Party} on a date through a
 * {@link NoticeChannel}. Only a {@linkplain #isWritten() written} notice counts (AGR-4); an
 * {@link Agreement} refuses the others.
 */
@Value.Immutable
public abstract class Notice {
  Notice() {} // only the generated implementation extends it

  /** @return the day the notice was given */
  public abstract LocalDate givenOn();

  /** @return the party that gave it */
  public abstract Party party();

  /** @return the channel it was given through */
  public abstract NoticeChannel channel();

  /** @return whether the notice counts, that is, it was given in writing (AGR-4) */
  public boolean isWritten() {
    return channel().counts();
  }

  /**
   * A written notice (AGR-4).
   *
   * @param givenOn the day it was given
   * @param party the party giving it
   * @return the notice
   */
  public static Notice written(LocalDate givenOn, Party party) {
    return of(givenOn, party, NoticeChannel.WRITTEN);
  }

  /**
   * A notice through any channel; an agreement accepts only written ones (AGR-4).
   *
   * @param givenOn the day it was given
   * @param party the party giving it
   * @param channel the channel
   * @return the notice
   */
  public static Notice of(LocalDate givenOn, Party party, NoticeChannel channel) {
    requireNonNull(givenOn, "givenOn");
    requireNonNull(party, "party");
    requireNonNull(channel, "channel");
    return ImmutableNotice.builder().givenOn(givenOn).party(party).channel(channel).build();
  }

  /** @return {@code "WRITTEN notice by PARTNER on 2025-07-15"} */
  @Override
  public String toString() {
    return channel() + " notice by " + party() + " on " + givenOn();
  }
}
