#!/bin/bash
# Runs as PID 1 of the fresh PID namespace that Tests/system/run.sh creates (inside private mount, UTS, IPC and
# cgroup namespaces), makes every place the test or systemd writes to private, then becomes systemd.
#
#   box-init.sh STAGE CONSOLE_LOG
#
# STAGE is the host directory holding the `make install DESTDIR=` tree; it is copied into the box.
# CONSOLE_LOG is a host file that receives systemd's console output (for diagnosis only).
#
# Nothing here may write to the host: every mount below is in this mount namespace only (after
# `mount --make-rprivate /`), and directories are only ever created inside tmpfs or overlay mounts.
set -euo pipefail

stage=$1
console_log=$2
box=/run/newsdigest-systest

mount --make-rprivate /

# /run first: it holds the box's own bookkeeping (overlay layers, the copied install tree).
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mkdir -p "$box"
cp -a "$stage" "$box/stage"
touch "$box/console"
mount --bind "$console_log" "$box/console"

# /etc and /var: the host's contents stay visible, writes land in tmpfs. An overlay rather than bind-mounted copies
# of /etc/passwd & co: systemd-sysusers and useradd replace those files by rename(2), which fails with EBUSY on a
# bind-mount target; and /etc/newsdigest, /var/lib/newsdigest do not exist on the host, so nothing could be mounted
# on them without creating them there first.
for dir in etc var; do
    mkdir -p "$box/layers/$dir/upper" "$box/layers/$dir/work"
    mount -t overlay overlay \
        -o "lowerdir=/$dir,upperdir=$box/layers/$dir/upper,workdir=$box/layers/$dir/work" "/$dir"
done
# Fresh, empty scratch places (inside the overlay where the host has them).
for dir in /tmp /var/tmp /var/log /srv /usr/local; do
    mount -t tmpfs -o mode=0755 tmpfs "$dir"
done
chmod 1777 /tmp /var/tmp

# A new /proc for the new PID namespace; kernel tunables read-only, so neither systemd (fs.file-max, fs.nr_open)
# nor any unit can change the host's sysctls. /sys read-only too (units that need a writable /sys skip themselves).
mount -t proc -o nosuid,nodev,noexec proc /proc
mount --bind /proc/sys /proc/sys
mount -o remount,bind,ro /proc/sys
if [[ -e /proc/sysrq-trigger ]]; then
    mount --bind /proc/sysrq-trigger /proc/sysrq-trigger
    mount -o remount,bind,ro /proc/sysrq-trigger
fi
mount -o remount,bind,ro /sys

# cgroups: run.sh put us in a cgroup of our own in every hierarchy and unshared the cgroup namespace, so mounting
# the hierarchies again here shows that cgroup as the root: systemd cannot create or touch anything outside it.
mapfile -t cgroup_mounts < <(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 " " $3 " " $4 }' /proc/self/mounts \
    | grep '^/sys/fs/cgroup/')
umount -R /sys/fs/cgroup
mount -t tmpfs -o mode=0755,nosuid,nodev,noexec tmpfs /sys/fs/cgroup
for entry in "${cgroup_mounts[@]}"; do
    read -r path fstype options <<<"$entry"
    mkdir -p "$path"
    # Keep only the options that select the hierarchy (controllers, name=); drop rw/relatime & co.
    opts=$(tr ',' '\n' <<<"$options" | grep -Ev '^(rw|ro|relatime|noatime|nosuid|nodev|noexec|seclabel)$' \
        | paste -sd, -) || true
    if [[ $fstype == cgroup2 ]]; then
        mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$path"
    else
        [[ $opts == name=* ]] && opts="none,$opts"
        mount -t cgroup -o "nosuid,nodev,noexec,$opts" cgroup "$path"
    fi
done
mount -o remount,bind,ro /sys/fs/cgroup

# A private /dev with the usual nodes; /dev/console is the host log file (systemd writes its status there).
mount -t tmpfs -o mode=0755,nosuid tmpfs /dev
mknod -m 666 /dev/null c 1 3
mknod -m 666 /dev/zero c 1 5
mknod -m 666 /dev/full c 1 7
mknod -m 666 /dev/random c 1 8
mknod -m 666 /dev/urandom c 1 9
mknod -m 666 /dev/tty c 5 0
touch /dev/console
mount --bind "$box/console" /dev/console
mkdir -m 755 /dev/pts
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,nosuid,noexec devpts /dev/pts
ln -s pts/ptmx /dev/ptmx
mkdir -m 1777 /dev/shm
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /dev/shm
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr

# Units and settings for this box only (/run/systemd/system is on the tmpfs above).
mkdir -p /run/systemd/system
cat >/run/systemd/system/newsdigest-systest.target <<'EOF'
[Unit]
Description=newsdigest system-test box
Wants=systemd-journald.service
After=systemd-journald.service
EOF
# Units that would touch the host (kernel modules, sysctls, binfmt, clocks, devices, the root filesystem) or are
# not needed in the box. A box boots sysinit.target (every service pulls it in), so they must be masked.
for unit in \
    systemd-sysctl.service systemd-modules-load.service systemd-binfmt.service \
    proc-sys-fs-binfmt_misc.automount proc-sys-fs-binfmt_misc.mount \
    systemd-random-seed.service systemd-machine-id-commit.service systemd-firstboot.service \
    systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service systemd-tmpfiles-clean.timer \
    kmod-static-nodes.service systemd-sysusers.service \
    systemd-udevd.service systemd-udevd-control.socket systemd-udevd-kernel.socket systemd-udev-trigger.service \
    systemd-udev-settle.service systemd-hwdb-update.service ldconfig.service systemd-update-done.service \
    systemd-journal-catalog-update.service systemd-pstore.service systemd-timesyncd.service \
    systemd-repart.service systemd-pcrphase.service systemd-pcrphase-sysinit.service \
    systemd-remount-fs.service systemd-fsck-root.service systemd-journald-audit.socket \
    dev-hugepages.mount dev-mqueue.mount sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount \
    sys-fs-fuse-connections.mount systemd-ask-password-console.path systemd-ask-password-wall.path \
    systemd-update-utmp.service swap.target timers.target getty.target; do
    ln -sf /dev/null "/run/systemd/system/$unit"
done

export container=newsdigest-systest
exec /lib/systemd/systemd --system --unit=newsdigest-systest.target --log-target=journal
