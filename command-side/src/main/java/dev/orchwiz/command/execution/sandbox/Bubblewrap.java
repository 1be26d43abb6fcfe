package dev.orchwiz.command.execution.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code bwrap} command line that jails one run. The jail is built from nothing (bubblewrap starts from an empty
 * tmpfs root) and gets only what a shell and common tools need:
 *
 * <ul>
 *   <li>the system directories read-only ({@code /usr}, and {@code /bin}, {@code /lib}… as the host has them);
 *   <li>an {@code /etc} of its own: synthesized {@code passwd}, {@code group}, {@code hosts} and
 *       {@code nsswitch.conf}, plus a few public host files (alternatives, the loader cache, time zone, CA
 *       certificates), never the host's passwd, shadow, keys or the node's home;
 *   <li>a fresh {@code /proc} of a new PID namespace, a minimal {@code /dev}, a private {@code /tmp};
 *   <li>the workspace root, the only writable host path, at the same path as on the host, so that paths in scripts,
 *       rules and output mean the same inside and out;
 *   <li>new user (one unprivileged uid, no capabilities, no further user namespaces), network (loopback only), IPC
 *       and UTS namespaces; a new session, so the script cannot push input into the node's terminal; killed with its
 *       parent.
 * </ul>
 *
 * <p>The PID namespace is what makes cancel and timeout final: when its init (bubblewrap's reaper, the child of the
 * {@code bwrap} the node started) dies, the kernel kills every process in it, double-forked daemons included.
 */
final class Bubblewrap {

    /** The uid and gid a script sees; mapped to the node's own user outside, so workspace files stay the node's. */
    static final int SANDBOX_ID = 1000;

    private static final List<Path> CANDIDATES = Stream.of("/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap")
            .map(Path::of)
            .toList();
    private static final List<Path> PRLIMIT_CANDIDATES =
            Stream.of("/usr/bin/prlimit", "/bin/prlimit").map(Path::of).toList();

    // Where a shell and the programs it starts live; each is mounted as the host has it (directory or symlink).
    private static final List<Path> SYSTEM_DIRECTORIES = Stream.of(
                    "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
            .map(Path::of)
            .toList();

    // Public configuration that programs read; nothing here names users or holds a secret. /etc/ssl/certs, not
    // /etc/ssl: its private/ holds keys, readable to a sandbox that maps to root when the node runs as root.
    private static final List<Path> PUBLIC_ETC = Stream.of(
                    "/etc/alternatives",
                    "/etc/ld.so.cache",
                    "/etc/ld.so.conf",
                    "/etc/ld.so.conf.d",
                    "/etc/localtime",
                    "/etc/ssl/certs",
                    "/etc/ca-certificates")
            .map(Path::of)
            .toList();

    private static final String HOSTNAME = "orchwiz-sandbox";

    private final Path executable;
    private final Optional<Path> prlimit;
    private final Path etc;

    /**
     * @param home the HOME the synthesized passwd names (the workspace root)
     * @throws UncheckedIOException if the synthesized {@code /etc} cannot be written
     */
    Bubblewrap(Path executable, Path home) {
        this.executable = executable;
        this.prlimit = PRLIMIT_CANDIDATES.stream().filter(Files::isExecutable).findFirst();
        this.etc = synthesizedEtc(home);
    }

    /** The first {@code bwrap} found in the usual places; never looked up on the node's PATH, which a user may set. */
    static Optional<Path> locate() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * @param workspace the real workspace root, mounted writable at its real path
     * @param configuredWorkspace the root as configured; mounted too when a symlink made it differ, so that absolute
     *     paths written against it still work inside
     * @param directory the run's (real) working directory, inside the workspace
     * @param inner the program and arguments to run in the jail
     * @throws IllegalStateException if limits are asked for and the host has no {@code prlimit}
     */
    List<String> command(
            Path workspace,
            Path configuredWorkspace,
            Path directory,
            ResourceLimits limits,
            List<Path> readOnlyPaths,
            List<String> inner) {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--die-with-parent",
                "--new-session",
                "--unshare-all",
                // Explicit, so that a host without user namespaces fails here instead of running with fewer walls.
                "--unshare-user",
                "--disable-userns",
                "--uid",
                Integer.toString(SANDBOX_ID),
                "--gid",
                Integer.toString(SANDBOX_ID),
                "--hostname",
                HOSTNAME));
        for (Path system : SYSTEM_DIRECTORIES) {
            mountAsTheHostHasIt(system, command);
        }
        for (Path extra : readOnlyPaths) {
            add(command, "--ro-bind-try", extra.toString(), extra.toString());
        }
        add(command, "--dir", "/etc");
        for (String name : List.of("passwd", "group", "hosts", "nsswitch.conf")) {
            add(command, "--ro-bind", etc.resolve(name).toString(), "/etc/" + name);
        }
        for (Path file : PUBLIC_ETC) {
            add(command, "--ro-bind-try", file.toString(), file.toString());
        }
        add(command, "--proc", "/proc");
        add(command, "--dev", "/dev");
        if (limits.tmpBytes() > 0) {
            add(command, "--size", Long.toString(limits.tmpBytes()));
        }
        add(command, "--tmpfs", "/tmp");
        // After /tmp, so that a workspace under /tmp is mounted over the private tmpfs rather than hidden by it.
        Set<Path> workspaceMounts = new LinkedHashSet<>(List.of(workspace, configuredWorkspace));
        for (Path mount : workspaceMounts) {
            add(command, "--bind", workspace.toString(), mount.toString());
        }
        // The root tmpfs (where /etc and the mount points were made) becomes read-only; /tmp and the workspace stay
        // writable, being mounts of their own.
        add(command, "--remount-ro", "/");
        add(command, "--chdir", directory.toString());
        command.add("--");
        command.addAll(limited(limits));
        command.addAll(inner);
        return command;
    }

    /** prlimit sets the limits on itself and execs the shell, which passes them on to everything it starts. */
    private List<String> limited(ResourceLimits limits) {
        List<String> options = new ArrayList<>();
        if (limits.cpuSeconds() > 0) {
            options.add("--cpu=" + limits.cpuSeconds());
        }
        if (limits.fileSizeBytes() > 0) {
            options.add("--fsize=" + limits.fileSizeBytes());
        }
        if (limits.processes() > 0) {
            options.add("--nproc=" + limits.processes());
        }
        if (options.isEmpty()) {
            return List.of();
        }
        Path program = prlimit.orElseThrow(() -> new IllegalStateException(
                "prlimit (util-linux) is not installed, so the sandbox's resource limits cannot be applied"));
        // No core dumps: a crashing program must not write its memory into the workspace.
        options.add("--core=0");
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(options);
        command.add("--");
        return command;
    }

    private static void mountAsTheHostHasIt(Path system, List<String> command) {
        try {
            if (Files.isSymbolicLink(system)) {
                // Merged-/usr hosts: /bin -> usr/bin. The same link inside keeps "#!/bin/sh" working.
                add(command, "--symlink", Files.readSymbolicLink(system).toString(), system.toString());
            } else if (Files.isDirectory(system, LinkOption.NOFOLLOW_LINKS)) {
                add(command, "--ro-bind", system.toString(), system.toString());
            }
        } catch (IOException unreadable) {
            // A system directory that cannot be read is left out, as one that does not exist.
        }
    }

    private static Path synthesizedEtc(Path home) {
        try {
            Path directory = Files.createTempDirectory("orchwiz-sandbox-etc-");
            directory.toFile().deleteOnExit();
            String id = Integer.toString(SANDBOX_ID);
            write(directory, "passwd", "sandbox:x:" + id + ":" + id + ":OrchWiz sandbox:" + home + ":/bin/sh\n");
            write(directory, "group", "sandbox:x:" + id + ":\n");
            write(directory, "hosts", "127.0.0.1\tlocalhost " + HOSTNAME + "\n::1\tlocalhost\n");
            write(directory, "nsswitch.conf", "passwd: files\ngroup: files\nhosts: files\n");
            return directory;
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write the sandbox's /etc", unwritable);
        }
    }

    private static void write(Path directory, String name, String content) throws IOException {
        Path file = Files.writeString(directory.resolve(name), content);
        file.toFile().deleteOnExit();
    }

    private static void add(List<String> command, String... arguments) {
        command.addAll(List.of(arguments));
    }
}
