/**
 * Text for people to read, for any feature: Markdown to sanitised HTML under a {@link ContentPolicy} for
 * each use (a guide, a forum post, a chat message), glossary marking on the parsed tree, plain text and
 * front matter, and the plain-language check (reading grade, long sentences, unexplained jargon, blaming
 * phrases) that runs on any text. Depends on nothing but {@code shared} (decision 057).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content", allowedDependencies = "shared")
package org.village.content;
