/**
 * Byte-level syntax that the models and the parsers share: character classes, word-at-a-time scans, the URI and
 * IP-literal grammars, and the bridge through which the parser hands the models input it has already checked. Not
 * exported: it is part of no API, and every package of http-core may use it.
 */
package dev.jhttp.core.syntax;
