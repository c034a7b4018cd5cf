package io.spofscan.rules.gcp;

import java.util.regex.Pattern;

/** Google Cloud location names: a zone is a region plus a one-letter suffix ("us-central1-a"). */
final class GcpLocations {
  private GcpLocations() {}

  private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");
  private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");

  static boolean isZone(String location) {
    return ZONE.matcher(location).matches();
  }

  static boolean isRegion(String location) {
    return REGION.matcher(location).matches();
  }
}
