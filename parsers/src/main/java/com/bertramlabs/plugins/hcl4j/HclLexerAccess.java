package com.bertramlabs.plugins.hcl4j;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Runs hcl4j's lexer only. {@code HCLLexer} is package-private, hence this class in hcl4j's package. The lexer builds
 * a symbol tree without evaluating anything: no network, no regular expressions, no output.
 */
public final class HclLexerAccess {
  private HclLexerAccess() {}

  /** The top-level symbols of one HCL source. */
  public static List<Symbol> lex(Reader source) throws IOException, HCLParserException {
    HCLLexer lexer = new HCLLexer(source);
    lexer.yylex();
    return lexer.elementStack;
  }
}
