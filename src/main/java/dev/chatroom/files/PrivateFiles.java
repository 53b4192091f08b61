package dev.chatroom.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Directories and files only their owner may use: 0700 and 0600. They hold password hashes, private messages,
 * keys and addresses, so another user of the machine must not read them. A mode given at creation passes through
 * the process's umask, which could take the owner's own rights too, so each is also set exactly afterwards (chmod
 * ignores the umask); created with it, nothing is ever readable by others in between. Where the file system has
 * no POSIX permissions, its own rules apply and these do nothing more than create.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** A file or directory whose mode was loosened: its path and its old mode ("0755"). */
    public record Loosened(Path path, String mode) {}

    private PrivateFiles() {}

    /** Creates dir, and any missing parent, 0700; one that exists is left as it is. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return;
        if (absolute.getParent() != null) createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, attribute(absolute, DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            return; // made meanwhile by someone else: theirs to set
        }
        set(absolute, DIRECTORY);
    }

    /** Creates an empty file 0600; false (and nothing changed) when it exists already. */
    public static boolean createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(file, FILE));
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
        set(file, FILE);
        return true;
    }

    /**
     * Takes away every right of the group and others from path and, in a directory, from everything in it
     * (directories 0700, files 0600; symbolic links are not followed). Returns what was open to others before.
     */
    public static List<Loosened> tighten(Path path) throws IOException {
        List<Loosened> opened = new ArrayList<>();
        if (!posix(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return opened;
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> was = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> only = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
                if (only.containsAll(was)) continue;
                opened.add(new Loosened(p, octal(was)));
                Files.setPosixFilePermissions(p, only);
            }
        }
        return opened;
    }

    /** "0755": a mode as ls and chmod write it. */
    public static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) mode |= 1 << (8 - p.ordinal());
        return String.format("%04o", mode);
    }

    private static void set(Path p, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(p)) Files.setPosixFilePermissions(p, permissions);
    }

    private static FileAttribute<?>[] attribute(Path p, Set<PosixFilePermission> permissions) {
        if (!posix(p)) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    private static boolean posix(Path p) {
        return p.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
