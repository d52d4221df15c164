#include "CInotify.h"

#ifdef __linux__
#include <string.h>
#include <limits.h>
#include <sys/vfs.h>

_Static_assert(sizeof(struct inotify_event) == 16, "inotify_event header layout changed");

const uint32_t CInotify_IN_ACCESS = IN_ACCESS;
const uint32_t CInotify_IN_MODIFY = IN_MODIFY;
const uint32_t CInotify_IN_ATTRIB = IN_ATTRIB;
const uint32_t CInotify_IN_CLOSE_WRITE = IN_CLOSE_WRITE;
const uint32_t CInotify_IN_CLOSE_NOWRITE = IN_CLOSE_NOWRITE;
const uint32_t CInotify_IN_OPEN = IN_OPEN;
const uint32_t CInotify_IN_MOVED_FROM = IN_MOVED_FROM;
const uint32_t CInotify_IN_MOVED_TO = IN_MOVED_TO;
const uint32_t CInotify_IN_CREATE = IN_CREATE;
const uint32_t CInotify_IN_DELETE = IN_DELETE;
const uint32_t CInotify_IN_DELETE_SELF = IN_DELETE_SELF;
const uint32_t CInotify_IN_MOVE_SELF = IN_MOVE_SELF;
const uint32_t CInotify_IN_UNMOUNT = IN_UNMOUNT;
const uint32_t CInotify_IN_Q_OVERFLOW = IN_Q_OVERFLOW;
const uint32_t CInotify_IN_IGNORED = IN_IGNORED;
const uint32_t CInotify_IN_ONLYDIR = IN_ONLYDIR;
const uint32_t CInotify_IN_DONT_FOLLOW = IN_DONT_FOLLOW;
const uint32_t CInotify_IN_EXCL_UNLINK = IN_EXCL_UNLINK;
const uint32_t CInotify_IN_ISDIR = IN_ISDIR;
const int32_t CInotify_IN_NONBLOCK = IN_NONBLOCK;
const int32_t CInotify_IN_CLOEXEC = IN_CLOEXEC;

const size_t CInotify_event_header_size = sizeof(struct inotify_event);

size_t CInotify_decode(const void *buffer, size_t length, size_t offset, CInotify_event *event) {
    if (offset > length || length - offset < sizeof(struct inotify_event)) {
        return 0;
    }
    struct inotify_event header;
    const char *base = (const char *)buffer + offset;
    memcpy(&header, base, sizeof header);
    size_t total = sizeof header + (size_t)header.len;
    if (length - offset < total) {
        return 0;
    }
    event->wd = header.wd;
    event->mask = header.mask;
    event->cookie = header.cookie;
    // The kernel pads the name with NULs up to `len`; a zero length means the event concerns the watch itself.
    event->name = header.len > 0 ? base + sizeof header : NULL;
    if (event->name != NULL && memchr(event->name, 0, header.len) == NULL) {
        event->name = NULL;
    }
    return offset + total;
}
int CInotify_filesystem_magic(const char *path, long *magic) {
    struct statfs info;
    if (statfs(path, &info) != 0) {
        return -1;
    }
    *magic = (long)info.f_type;
    return 0;
}
#endif
