package io.maskocr.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = MaskocrCli.class.getPackage().getImplementationVersion();
    return new String[] {"MaskOCR Studio " + (v == null ? "dev" : v)};
  }
}
