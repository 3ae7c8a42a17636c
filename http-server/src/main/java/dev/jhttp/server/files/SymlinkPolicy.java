package dev.jhttp.server.files;

/**
 * What {@link StaticFiles} does with symbolic links under its root.
 *
 * {@snippet :
 * StaticFiles files = StaticFiles.serving(root).withSymlinks(SymlinkPolicy.WITHIN_ROOT);
 * }
 */
public enum SymlinkPolicy {
    /** Links are not served and not listed: the default, as in jwebserver. */
    DENY,
    /** Links are followed when their target, fully resolved, is still under the root. */
    WITHIN_ROOT,
    /** Links are followed wherever they point: only for trees you control entirely. */
    FOLLOW
}
