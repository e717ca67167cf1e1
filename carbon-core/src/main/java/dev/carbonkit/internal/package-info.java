/**
 * Implementation helpers shared by carbonkit's packages; not exported, not API.
 */
package dev.carbonkit.internal;
