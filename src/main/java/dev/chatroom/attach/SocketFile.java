package dev.chatroom.attach;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;

/**
 * The admin socket's file: a Unix domain socket at a path, which only its owner (mode 0600), or
 * its owner and one group (0660), may connect to. A socket is made by bind with the umask's
 * mode, open to every user for a moment. In a directory nobody else may enter (the data dir)
 * that moment harms no one, and it is bound in place; elsewhere it is bound in a new directory
 * only this user can enter, given its mode and group there, and only then renamed into place
 * (atomically, replacing one a crashed server left behind). The system then goes on naming it
 * by the path it was bound at ({@code ss -xl}, /proc/net/unix).
 */
final class SocketFile {
    private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_AND_GROUP = PosixFilePermissions.fromString("rw-rw----");

    private final Path path;
    private final Object fileKey;

    private SocketFile(Path path, Object fileKey) {
        this.path = path;
        this.fileKey = fileKey;
    }

    /** Binds listener at path, for its owner and, when group is not null, that group's members. */
    static SocketFile bind(ServerSocketChannel listener, Path path, String group) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) throw new IOException("no directory " + dir);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(path)) throw new IOException(path + " is not a socket; remove it or choose another path");
            if (listening(path)) throw new IOException(path + " is in use by another running server");
        }
        if (!posix() || closedToOthers(dir)) {
            Files.deleteIfExists(path);
            listener.bind(UnixDomainSocketAddress.of(path));
            if (posix()) permit(path, group);
            return new SocketFile(path, fileKey(path));
        }
        Path temporary = posix()
                ? Files.createTempDirectory(
                        dir,
                        ".admin",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(dir, ".admin");
        Path bound = temporary.resolve("s");
        try {
            listener.bind(UnixDomainSocketAddress.of(bound));
            if (posix()) permit(bound, group);
            Files.move(bound, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new SocketFile(path, fileKey(path));
        } finally {
            Files.deleteIfExists(bound);
            Files.deleteIfExists(temporary);
        }
    }

    /** The socket's mode and group: its owner's, and the group's when there is one. */
    private static void permit(Path socket, String group) throws IOException {
        Files.setPosixFilePermissions(socket, group == null ? OWNER : OWNER_AND_GROUP);
        if (group != null) giveTo(socket, group);
    }

    private static boolean closedToOthers(Path dir) throws IOException {
        for (PosixFilePermission p : Files.getPosixFilePermissions(dir))
            if (!p.name().startsWith("OWNER_")) return false;
        return true;
    }

    private static void giveTo(Path socket, String group) throws IOException {
        GroupPrincipal principal;
        try {
            principal = socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("no group " + group + " on this system (admin-group)");
        }
        try {
            Files.getFileAttributeView(socket, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(principal);
        } catch (IOException e) {
            throw new IOException(
                    "cannot give the socket to the group " + group + " (the server's user must be one of its members): "
                            + e.getMessage(),
                    e);
        }
    }

    /** True when a server answers on path; false for a socket nobody listens on any more. */
    static boolean listening(Path path) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    /**
     * The first directory on the way to path the group's members may not pass through (neither
     * the group's nor everyone's x), or null when they can reach the socket.
     */
    static Path closedTo(Path path, String group) throws IOException {
        if (!posix()) return null;
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
            Set<PosixFilePermission> mode = a.permissions();
            boolean open = mode.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || (a.group().getName().equals(group) && mode.contains(PosixFilePermission.GROUP_EXECUTE));
            if (!open) return dir;
        }
        return null;
    }

    private static boolean isSocket(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther();
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    Path path() {
        return path;
    }

    /** Removes the socket, unless another server has put its own there since. */
    void delete() {
        try {
            if (fileKey != null && fileKey.equals(fileKey(path))) Files.delete(path);
        } catch (NoSuchFileException gone) {
            // removed by someone else: nothing to do
        } catch (IOException e) {
            // stopping anyway; a socket left behind is replaced at the next start
        }
    }
}
