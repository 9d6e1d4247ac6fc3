package io.maskocr.renderer.text;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small text generators: case variants, numbers, dates, prices, codes and plates. */
public final class Generators {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  /** Province abbreviations used on Chinese plates. */
  private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
      "Sep", "Oct", "Nov", "Dec"};
  private static final String[] MONTHS_LONG = {"January", "February", "March", "April", "May",
      "June", "July", "August", "September", "October", "November", "December"};
  private static final String[] CURRENCY_PREFIX = {"$", "€", "£", "¥", "US$", ""};

  private Generators() {}

  /** The word in UPPER, Title, lower or random case. */
  public static String mixedCase(String word, SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> word.toUpperCase(Locale.ROOT);
      case 1 -> word.isEmpty() ? word
          : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
      case 2 -> word.toLowerCase(Locale.ROOT);
      default -> {
        StringBuilder sb = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
          sb.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        yield sb.toString();
      }
    };
  }

  /** Integers, decimals, grouped numbers, percentages, phone-like groups. */
  public static String number(SplittableRandom r) {
    return switch (r.nextInt(5)) {
      case 0 -> Integer.toString(r.nextInt(pow10(1 + r.nextInt(6))));
      case 1 -> String.format(Locale.ROOT, "%." + (1 + r.nextInt(3)) + "f", r.nextDouble() * pow10(1 + r.nextInt(4)));
      case 2 -> String.format(Locale.ROOT, "%,d", r.nextInt(1_000, 10_000_000));
      case 3 -> r.nextInt(101) + "%";
      default -> digits(r, 3) + "-" + digits(r, 3 + r.nextInt(2));
    };
  }

  /** A date in one of several formats (ISO, European, US, written month). */
  public static String date(SplittableRandom r) {
    int y = 1950 + r.nextInt(90);
    int m = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    return switch (r.nextInt(6)) {
      case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
      case 1 -> String.format(Locale.ROOT, "%02d/%02d/%04d", d, m, y);
      case 2 -> String.format(Locale.ROOT, "%d/%d/%02d", m, d, y % 100);
      case 3 -> String.format(Locale.ROOT, "%02d.%02d.%04d", d, m, y);
      case 4 -> d + " " + MONTHS[m - 1] + " " + y;
      default -> MONTHS_LONG[m - 1] + " " + d;
    };
  }

  /** A price with a currency sign, separators and cents. */
  public static String price(SplittableRandom r) {
    double v = r.nextInt(3) == 0 ? r.nextInt(1, 10_000) : r.nextInt(1, 1000) + r.nextInt(100) / 100.0;
    String amount = r.nextBoolean() ? String.format(Locale.ROOT, "%,.2f", v) : String.format(Locale.ROOT, "%.2f", v);
    String prefix = CURRENCY_PREFIX[r.nextInt(CURRENCY_PREFIX.length)];
    return prefix.isEmpty() ? amount + (r.nextBoolean() ? " EUR" : "€") : prefix + amount;
  }

  /** Product, serial or reference codes: letters, digits and dashes. */
  public static String code(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> letters(r, 2 + r.nextInt(2)) + "-" + digits(r, 3 + r.nextInt(3));
      case 1 -> "SKU" + digits(r, 5);
      case 2 -> alnum(r, 4) + "-" + alnum(r, 4);
      default -> letters(r, 1) + digits(r, 2 + r.nextInt(4)) + letters(r, r.nextInt(3));
    };
  }

  /**
   * Fills a plate pattern: A = letter, 9 = digit, X = letter or digit, P = Chinese province;
   * anything else is literal.
   */
  public static String plate(List<String> patterns, SplittableRandom r) {
    String p = patterns.get(r.nextInt(patterns.size()));
    StringBuilder sb = new StringBuilder(p.length());
    for (char c : p.toCharArray()) {
      switch (c) {
        case 'A' -> sb.append(UPPER.charAt(r.nextInt(UPPER.length())));
        case '9' -> sb.append(DIGITS.charAt(r.nextInt(10)));
        case 'X' -> sb.append(alnum(r, 1));
        case 'P' -> sb.append(PROVINCES.charAt(r.nextInt(PROVINCES.length())));
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int pow10(int n) {
    int v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }

  private static String digits(SplittableRandom r, int n) {
    return pick(r, DIGITS, n);
  }

  private static String letters(SplittableRandom r, int n) {
    return pick(r, UPPER, n);
  }

  private static String alnum(SplittableRandom r, int n) {
    return pick(r, UPPER + DIGITS, n);
  }

  private static String pick(SplittableRandom r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
