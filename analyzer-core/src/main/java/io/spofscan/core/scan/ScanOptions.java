package io.spofscan.core.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Inputs that decide values the files alone leave open.
 *
 * @param terraformVars {@code --var NAME=VALUE}, in command-line order (later wins)
 * @param terraformVarFiles {@code --var-file FILE}, in order
 * @param terraformEnv {@code TF_VAR_name} values from the environment
 * @param cfnParameters {@code --param NAME=VALUE} and parameter files, merged
 * @param defaultNamespace the namespace of Kubernetes objects that name none
 * @param maxFileBytes files larger than this are reported and skipped
 */
public record ScanOptions(
    Map<String, String> terraformVars,
    List<Path> terraformVarFiles,
    Map<String, String> terraformEnv,
    Map<String, String> cfnParameters,
    String defaultNamespace,
    long maxFileBytes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

  public ScanOptions {
    terraformVars = Map.copyOf(terraformVars);
    terraformVarFiles = List.copyOf(terraformVarFiles);
    terraformEnv = Map.copyOf(terraformEnv);
    cfnParameters = Map.copyOf(cfnParameters);
    defaultNamespace = defaultNamespace == null || defaultNamespace.isBlank() ? "default" : defaultNamespace;
  }

  public static ScanOptions defaults() {
    return new ScanOptions(Map.of(), List.of(), Map.of(), Map.of(), "default", DEFAULT_MAX_FILE_BYTES);
  }
}
