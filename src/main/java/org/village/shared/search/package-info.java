/**
 * Word rules for every search on Village (guides, the jargon buster, the service directory): what counts as a
 * real word, parents' own words for workers' words, and typo tolerance that never "corrects" a word that was
 * right. See decision 045.
 */
package org.village.shared.search;
