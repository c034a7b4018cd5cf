package io.spofscan.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Availability Zones that only deployment names: every zone of a region (CloudFormation {@code Fn::GetAZs}) or the
 * zone at one index of that list ({@code Fn::Select [i, Fn::GetAZs '']}). The zone's name stays unknown, but two
 * picks of one region's list at different indexes are different zones, and the whole list holds every zone of the
 * region, so rules that count zones can decide on them. The value is an {@link Value.Unknown} whose reason carries
 * the identity, so it survives every copy and relocation of the value.
 *
 * @param region the region as written ("" for the stack's own region)
 * @param index the position in the region's list, or -1 for the whole list
 */
public record DeployZone(String region, int index) {
  private static final Pattern REASON =
      Pattern.compile("(?:zone (\\d+) of )?Fn::GetAZs( of region [a-z0-9-]+)?: .*");

  public DeployZone {
    region = region == null ? "" : region;
  }

  /** Every Availability Zone of {@code region} ("" for the stack's region). */
  public static Value all(String region, SourceRange at) {
    return Value.unknown("Fn::GetAZs" + regionText(region) + ": the names of a region's Availability Zones are "
        + "only known at deploy", at);
  }

  /** The zone at {@code index} of {@code region}'s list. */
  public static Value pick(String region, int index, SourceRange at) {
    return Value.unknown("zone " + index + " of Fn::GetAZs" + regionText(region) + ": the names of a region's "
        + "Availability Zones are only known at deploy", at);
  }

  /** The deploy-time zone {@code v} stands for, if it is one. */
  public static Optional<DeployZone> of(Value v) {
    Optional<String> reason = v.unknownReason();
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = REASON.matcher(reason.get());
    if (!m.matches()) {
      return Optional.empty();
    }
    String region = m.group(2) == null ? "" : m.group(2).substring(" of region ".length());
    return Optional.of(new DeployZone(region, m.group(1) == null ? -1 : Integer.parseInt(m.group(1))));
  }

  /** The whole list of the region's zones rather than one of them. */
  public boolean isAll() {
    return index < 0;
  }

  /** How a message names it: "zone 1 of the stack's region". */
  public String describe() {
    String where = region.isEmpty() ? "the stack's region" : "region " + region;
    return isAll() ? "every zone of " + where : "zone " + index + " of " + where;
  }

  private static String regionText(String region) {
    return region == null || region.isEmpty() ? "" : " of region " + region;
  }
}
