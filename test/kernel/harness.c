/*
 * /init of ue-lint's kernel test initramfs (test/kernel/README.md).
 *
 * Reads /cases (one case per line, written by test/kernel/cases.ts), runs each against the
 * kernel's user_events, and reports on the second serial port (ttyS1). Kernel messages go to
 * ttyS0, so they cannot mix into the results. Then it restarts the machine; QEMU runs with
 * -no-reboot, so a restart ends it (this kernel has no ACPI: a power-off would only halt).
 *
 * Cases (fields separated by one space; <hex> is the bytes in hex, `-` when empty):
 *   reg <id> <hex definition>
 *       register through DIAG_IOCSREG, then the same string again (a second enable bit),
 *       read the event's format file and dynamic_events, unregister, wait until it is gone
 *   pay <id> <hex definition> <C slot> <hex write>...
 *       register and enable the event, write(2) each write (write_index and payload), then
 *       (slot >= 0) writev the C encoder's payload of that slot, then disable the event and
 *       read the raw ring buffer
 *   set <id> <hex definition>...
 *       register all (`m` before the hex: multi-format), report every
 *       events/user_events{,_multi}/<event>/format, unregister all
 *   pair <id> <hex first> <hex second>
 *       register first, then second on the same file (another enable bit), unregister both
 *   die <id>
 *       exit, so the kernel panics ("Attempted to kill init"): the runner's crash recovery
 *
 * Report lines (tokens separated by one space; blobs are escaped, see put_blob):
 *   B id | R id ret write_index | A id ret | F id errno blob | L id errno blob | E id ret |
 *   W id k ret | C id ret blob | T id blob | S id system event errno format | Z id waited_us how |
 *   END n
 * Every line ends with ` ~` and the FNV-1a hash of the bytes before it, in hex, so the runner
 * detects a lost or changed byte. Return values are the raw syscall results (-errno, or the
 * negative non-errno values some struct sizes produce), never glibc's -1.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/reboot.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* The user_events UAPI (include/uapi/linux/user_events.h), spelled out: the libc headers of
 * the build machine may predate it. Both structs are packed. */
struct ue_reg {
	uint32_t size;
	uint8_t enable_bit;
	uint8_t enable_size;
	uint16_t flags;
	uint64_t enable_addr;
	uint64_t name_args;
	uint32_t write_index;
} __attribute__((__packed__));

struct ue_unreg {
	uint32_t size;
	uint8_t disable_bit;
	uint8_t reserved;
	uint16_t reserved2;
	uint64_t disable_addr;
} __attribute__((__packed__));

/* The size encoded in these ioctl numbers is that of a pointer, as in the UAPI header. */
#define UE_IOCSREG _IOWR('*', 0, struct ue_reg *)
#define UE_IOCSDEL _IOW('*', 1, char *)
#define UE_IOCSUNREG _IOW('*', 2, struct ue_unreg *)

#define TRACEFS "/tracing"
#define MAX_SET 64

/* Provided by the generated payloads.c: writes slot's C-encoded payload with writev. */
extern long ue_c_payload(int slot, int fd, uint32_t write_index, unsigned char *bytes, size_t cap, size_t *len);

static int out = -1;

/* ---- report channel ---------------------------------------------------------------------- */

static char line[1 << 16];
static size_t line_len;

static void flush_out(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(out, p, n);
		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

static uint32_t fnv;

static void put_raw(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fnv = (fnv ^ (unsigned char)p[i]) * 16777619u;
		if (line_len == sizeof(line)) {
			flush_out(line, line_len);
			line_len = 0;
		}
		line[line_len++] = p[i];
	}
}

static void begin(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fnv = 2166136261u;
	line_len = 0;
	put_raw(buf, (size_t)n);
}

static void put(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	put_raw(buf, (size_t)n);
}

/* ` =` and the bytes: printable ASCII but `\` as is, everything else as \xHH. */
static void put_blob(const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	put_raw(" =", 2);
	for (size_t i = 0; i < n; i++) {
		if (p[i] > 0x20 && p[i] < 0x7f && p[i] != '\\') {
			put_raw((const char *)&p[i], 1);
		} else {
			char e[4] = { '\\', 'x', hex[p[i] >> 4], hex[p[i] & 15] };
			put_raw(e, 4);
		}
	}
}

static void end_line(void)
{
	char tail[16];
	int n = snprintf(tail, sizeof(tail), " ~%08x\n", fnv);
	flush_out(line, line_len);
	flush_out(tail, (size_t)n);
	line_len = 0;
}

/* ---- helpers ------------------------------------------------------------------------------ */

static long raw_ioctl(int fd, unsigned long cmd, void *arg)
{
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"((long)SYS_ioctl), "D"((long)fd), "S"(cmd), "d"(arg)
			 : "rcx", "r11", "memory");
	return ret;
}

static long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes a hex token in place (`-` is empty); returns the length, NUL-terminated. */
static size_t unhex(char *s)
{
	if (strcmp(s, "-") == 0) {
		s[0] = 0;
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; s[i] && s[i + 1]; i += 2)
		s[n++] = (char)(hexval(s[i]) << 4 | hexval(s[i + 1]));
	s[n] = 0;
	return n;
}

/* Reads a whole file; returns the length or -errno. *buf is malloc'd (NUL-terminated). */
static long slurp(const char *path, unsigned char **buf)
{
	int fd = open(path, O_RDONLY);
	*buf = NULL;
	if (fd < 0)
		return -errno;
	size_t cap = 4096, n = 0;
	unsigned char *b = malloc(cap + 1);
	for (;;) {
		if (n == cap)
			b = realloc(b, (cap *= 2) + 1);
		ssize_t r = read(fd, b + n, cap - n);
		if (r < 0) {
			int e = errno;
			close(fd);
			free(b);
			return -e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	b[n] = 0;
	*buf = b;
	return (long)n;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	ssize_t w = write(fd, text, strlen(text));
	int ret = w < 0 ? -errno : 0;
	close(fd);
	return ret;
}

/* The event name as the kernel takes it: the bytes before the first space, before the first `:`. */
static void event_name(const char *def, char *name, size_t cap)
{
	size_t n = strcspn(def, " ");
	size_t colon = strcspn(def, ":");
	if (colon < n)
		n = colon;
	if (n >= cap)
		n = cap - 1;
	memcpy(name, def, n);
	name[n] = 0;
}

static void report_file(const char *tag, long id, const char *path)
{
	unsigned char *b;
	long n = slurp(path, &b);
	begin("%s %ld %ld", tag, id, n < 0 ? -n : 0L);
	put_blob(b, n < 0 ? 0 : (size_t)n);
	end_line();
	free(b);
}

static long active_events(void)
{
	unsigned char *b;
	long n = slurp(TRACEFS "/user_events_status", &b);
	if (n < 0)
		return -1;
	const char *a = strstr((const char *)b, "Active: ");
	long active = a ? strtol(a + 8, NULL, 10) : -1;
	free(b);
	return active;
}

/*
 * Waits until no user event is left: the kernel deletes an event after its last reference
 * closes, but asynchronously. After 200 ms each name is deleted explicitly (DIAG_IOCSDEL).
 */
static void wait_gone(long id, char names[][512], int count)
{
	long start = now_us();
	const char *how = "auto";
	int deleted = 0;
	for (;;) {
		long active = active_events();
		if (active == 0)
			break;
		long waited = now_us() - start;
		if (waited > 200000 && !deleted) {
			int fd = open(TRACEFS "/user_events_data", O_RDWR);
			for (int i = 0; i < count; i++)
				raw_ioctl(fd, UE_IOCSDEL, names[i]);
			close(fd);
			deleted = 1;
			how = "del";
		}
		if (waited > 3000000) {
			how = "stuck";
			break;
		}
		/* A sleep lasts at least a timer tick (4 ms here); the deletion usually takes less. */
		if (waited < 20000)
			sched_yield();
		else
			usleep(1000);
	}
	begin("Z %ld %ld %s", id, now_us() - start, how);
	end_line();
}

/* One enable word per registration: the kernel keys enablers by (address, bit) per process. */
static uint32_t enable_words[MAX_SET + 1];

/* USER_EVENT_REG_MULTI_FORMAT: a new `<name>.<hex id>` event under user_events_multi. */
#define UE_REG_MULTI_FORMAT 2

static long reg_flags(int fd, const char *def, int slot, uint16_t flags, uint32_t *write_index)
{
	struct ue_reg r;
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.flags = flags;
	r.enable_bit = 0;
	r.enable_size = 4;
	r.enable_addr = (uint64_t)(uintptr_t)&enable_words[slot];
	r.name_args = (uint64_t)(uintptr_t)def;
	long ret = raw_ioctl(fd, UE_IOCSREG, &r);
	*write_index = r.write_index;
	return ret;
}

static long reg(int fd, const char *def, int slot, uint32_t *write_index)
{
	return reg_flags(fd, def, slot, 0, write_index);
}

static void unreg(int fd, int slot)
{
	struct ue_unreg u;
	memset(&u, 0, sizeof(u));
	u.size = sizeof(u);
	u.disable_bit = 0;
	u.disable_addr = (uint64_t)(uintptr_t)&enable_words[slot];
	raw_ioctl(fd, UE_IOCSUNREG, &u);
}

/* ---- cases -------------------------------------------------------------------------------- */

static void case_reg(long id, char *hexdef)
{
	char names[1][512];
	unhex(hexdef);
	event_name(hexdef, names[0], sizeof(names[0]));
	int fd = open(TRACEFS "/user_events_data", O_RDWR);
	uint32_t widx = 0, widx2 = 0;
	long ret = reg(fd, hexdef, 0, &widx);
	begin("R %ld %ld %u", id, ret, ret == 0 ? widx : 0);
	end_line();
	if (ret != 0) {
		close(fd);
		return;
	}
	long again = reg(fd, hexdef, 1, &widx2);
	begin("A %ld %ld", id, again);
	end_line();
	char path[1024];
	snprintf(path, sizeof(path), TRACEFS "/events/user_events/%s/format", names[0]);
	report_file("F", id, path);
	report_file("L", id, TRACEFS "/dynamic_events");
	unreg(fd, 0);
	if (again == 0)
		unreg(fd, 1);
	close(fd);
	wait_gone(id, names, 1);
}

static void case_pair(long id, char *first, char *second)
{
	char names[2][512];
	unhex(first);
	unhex(second);
	event_name(first, names[0], sizeof(names[0]));
	event_name(second, names[1], sizeof(names[1]));
	int fd = open(TRACEFS "/user_events_data", O_RDWR);
	uint32_t widx;
	long ret = reg(fd, first, 0, &widx);
	begin("R %ld %ld %u", id, ret, ret == 0 ? widx : 0);
	end_line();
	if (ret != 0) {
		close(fd);
		return;
	}
	long again = reg(fd, second, 1, &widx);
	begin("A %ld %ld", id, again);
	end_line();
	unreg(fd, 0);
	if (again == 0)
		unreg(fd, 1);
	close(fd);
	wait_gone(id, names, 2);
}

/* Sends what trace_pipe_raw holds: each page's 16-byte header and its committed data. */
static void report_ring_buffer(long id)
{
	static unsigned char page[4096];
	static unsigned char all[1 << 20];
	size_t n = 0;
	int fd = open(TRACEFS "/per_cpu/cpu0/trace_pipe_raw", O_RDONLY | O_NONBLOCK);
	for (;;) {
		ssize_t r = read(fd, page, sizeof(page));
		if (r <= 0)
			break;
		uint64_t commit;
		memcpy(&commit, page + 8, 8);
		size_t used = 16 + (size_t)(commit & 0xfffff);
		if (used > (size_t)r)
			used = (size_t)r;
		if (n + used > sizeof(all))
			break;
		memcpy(all + n, page, used);
		n += used;
	}
	close(fd);
	begin("T %ld", id);
	put_blob(all, n);
	end_line();
}

static void case_pay(long id, char **tok, int ntok)
{
	char names[1][512];
	char *def = tok[0];
	unhex(def);
	event_name(def, names[0], sizeof(names[0]));
	int slot = atoi(tok[1]);
	int fd = open(TRACEFS "/user_events_data", O_RDWR);
	uint32_t widx = 0;
	long ret = reg(fd, def, 0, &widx);
	begin("R %ld %ld %u", id, ret, ret == 0 ? widx : 0);
	end_line();
	if (ret != 0) {
		close(fd);
		return;
	}
	char path[1024];
	snprintf(path, sizeof(path), TRACEFS "/events/user_events/%s/format", names[0]);
	report_file("F", id, path);
	snprintf(path, sizeof(path), TRACEFS "/events/user_events/%s/enable", names[0]);
	begin("E %ld %d", id, write_file(path, "1"));
	end_line();
	/* Each payload holds its write_index: 0, the first event registered on a new file. */
	for (int k = 2; k < ntok; k++) {
		size_t len = unhex(tok[k]);
		ssize_t w = write(fd, tok[k], len);
		begin("W %ld %d %ld", id, k - 2, w < 0 ? (long)-errno : (long)w);
		end_line();
	}
	if (slot >= 0) {
		static unsigned char bytes[1 << 16];
		size_t len = 0;
		long w = ue_c_payload(slot, fd, widx, bytes, sizeof(bytes), &len);
		begin("C %ld %ld", id, w);
		put_blob(bytes, len);
		end_line();
	}
	write_file(path, "0");
	report_ring_buffer(id);
	unreg(fd, 0);
	close(fd);
	wait_gone(id, names, 1);
}

/* Every events/<system>/<event>/format as `S id system event errno format`. */
static void report_system(long id, const char *system)
{
	char dir[256];
	snprintf(dir, sizeof(dir), TRACEFS "/events/%s", system);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_type != DT_DIR || strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s/format", dir, e->d_name);
		unsigned char *b;
		long n = slurp(path, &b);
		begin("S %ld", id);
		put_blob((const unsigned char *)system, strlen(system));
		put_blob((const unsigned char *)e->d_name, strlen(e->d_name));
		put(" %ld", n < 0 ? -n : 0L);
		put_blob(b, n < 0 ? 0 : (size_t)n);
		end_line();
		free(b);
	}
	if (d)
		closedir(d);
}

static void case_set(long id, char **tok, int ntok)
{
	static char names[MAX_SET][512];
	int count = ntok < MAX_SET ? ntok : MAX_SET;
	int fd = open(TRACEFS "/user_events_data", O_RDWR);
	int registered[MAX_SET];
	for (int i = 0; i < count; i++) {
		uint32_t widx;
		/* `m` before the hex: a multi-format registration. */
		int multi = tok[i][0] == 'm';
		char *def = tok[i] + multi;
		unhex(def);
		event_name(def, names[i], sizeof(names[i]));
		long ret = reg_flags(fd, def, i, multi ? UE_REG_MULTI_FORMAT : 0, &widx);
		registered[i] = ret == 0;
		begin("R %ld %ld %u", id, ret, ret == 0 ? widx : 0);
		end_line();
	}
	report_system(id, "user_events");
	report_system(id, "user_events_multi");
	for (int i = 0; i < count; i++)
		if (registered[i])
			unreg(fd, i);
	close(fd);
	wait_gone(id, names, count);
}

/* ---- main --------------------------------------------------------------------------------- */

static void open_report_port(void)
{
	out = open("/dev/ttyS1", O_WRONLY | O_NOCTTY);
	struct termios t;
	if (out >= 0 && tcgetattr(out, &t) == 0) {
		cfmakeraw(&t);
		cfsetospeed(&t, B115200);
		tcsetattr(out, TCSANOW, &t);
	}
}

int main(void)
{
	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mkdir(TRACEFS, 0755);
	mount("tracefs", TRACEFS, "tracefs", 0, NULL);
	open_report_port();

	unsigned char *cases;
	long size = slurp("/cases", &cases);
	long n = 0;
	for (char *save = NULL, *l = size > 0 ? strtok_r((char *)cases, "\n", &save) : NULL; l; l = strtok_r(NULL, "\n", &save)) {
		static char *tok[4096];
		int ntok = 0;
		for (char *s2 = NULL, *t = strtok_r(l, " ", &s2); t && ntok < 4096; t = strtok_r(NULL, " ", &s2))
			tok[ntok++] = t;
		if (ntok < 2)
			continue;
		long id = strtol(tok[1], NULL, 10);
		begin("B %ld", id);
		end_line();
		if (strcmp(tok[0], "reg") == 0 && ntok == 3)
			case_reg(id, tok[2]);
		else if (strcmp(tok[0], "pay") == 0 && ntok >= 4)
			case_pay(id, tok + 2, ntok - 2);
		else if (strcmp(tok[0], "set") == 0)
			case_set(id, tok + 2, ntok - 2);
		else if (strcmp(tok[0], "pair") == 0 && ntok == 4)
			case_pair(id, tok[2], tok[3]);
		else if (strcmp(tok[0], "die") == 0) {
			tcdrain(out);
			_exit(1);
		}
		n++;
	}
	begin("END %ld", n);
	end_line();
	tcdrain(out);
	sync();
	reboot(LINUX_REBOOT_CMD_RESTART);
	return 0;
}
