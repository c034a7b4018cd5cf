package io.spofscan.parsers.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfnParameterFilesTest {

  @Test
  void readsTheAwsCliJsonFormat(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("params.json");
    Files.writeString(f, "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"},\n"
        + " {\"ParameterKey\": \"MultiAz\", \"ParameterValue\": \"true\"},\n"
        + " {\"ParameterKey\": \"Old\", \"UsePreviousValue\": true}]");
    assertEquals(Map.of("Env", "prod", "MultiAz", "true"), CfnParameterFiles.read(f));
  }

  @Test
  void readsNameValueLinesAndTheParametersObject(@TempDir Path dir) throws IOException {
    Path lines = dir.resolve("params.env");
    Files.writeString(lines, "# comment\nEnv=prod\n\nList = a,b,c\nEmpty=\n");
    assertEquals(Map.of("Env", "prod", "List", "a,b,c", "Empty", ""), CfnParameterFiles.read(lines));
    Path object = dir.resolve("config.json");
    Files.writeString(object, "{\"Parameters\": {\"Env\": \"dev\", \"Count\": 2}}");
    assertEquals(Map.of("Env", "dev", "Count", "2"), CfnParameterFiles.read(object));
  }

  @Test
  void malformedFilesSayWhere(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.env");
    Files.writeString(bad, "Env=prod\nnot a pair\n");
    IOException e = assertThrows(IOException.class, () -> CfnParameterFiles.read(bad));
    assertTrue(e.getMessage().endsWith("bad.env:2: expected NAME=VALUE"), e.getMessage());
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "[{\"ParameterValue\": \"x\"}]");
    assertThrows(IOException.class, () -> CfnParameterFiles.read(json));
  }
}
