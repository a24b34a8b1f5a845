// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Terminal plumbing for the full-screen views.
 *
 * Signal handlers only write the signal number into a self-pipe; the
 * main loop polls that pipe together with standard input and the
 * refresh timeout, so curses is only ever called from the main loop.
 * The exceptions are the fatal signals, whose handler can no longer
 * trust the program's state: it writes the terminal's "leave full
 * screen" sequences (fetched from terminfo beforehand) and restores the
 * saved termios, both async-signal-safe, before the default action.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "tui/term.h"
#include "lib/banned.h"

/* Signals that end the view cleanly, and the resize signal. */
static const int event_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH };
/* Signals after which only the terminal is put right. */
static const int fatal_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

/*
 * State the signal handlers and atexit() need. There is one terminal
 * per process, so one copy.
 */
static volatile sig_atomic_t sig_fd = -1;
static struct sigaction old_event[ARRAY_SIZE(event_sigs)];
static struct sigaction old_fatal[ARRAY_SIZE(fatal_sigs)];
static struct termios saved_tio;
static bool have_tio;
static char leave_seq[256];
static size_t leave_len;
static SCREEN *screen;
static bool atexit_done;

static void on_event(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (sig_fd >= 0 && write(sig_fd, &c, 1) < 0) {
		/* a full pipe already holds a wake-up */
	}
	errno = saved;
}

/* What the fatal handler and atexit() can do without curses. */
static void leave_raw(void)
{
	if (leave_len && write(STDOUT_FILENO, leave_seq, leave_len) < 0) {
		/* nothing more can be done */
	}
	if (have_tio)
		tcsetattr(STDOUT_FILENO, TCSANOW, &saved_tio);
}

static void on_fatal(int sig)
{
	leave_raw();
	/* SA_RESETHAND restored the default action; deliver it */
	raise(sig);
}

static void at_exit(void)
{
	if (screen) {
		endwin();
		leave_raw();
	}
}

int ms_term_signals_init(struct ms_term *t, struct ms_diag *diag)
{
	struct sigaction sa;
	size_t i;

	if (t->signals)
		return 0;
	if (pipe2(t->sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		return ms_diag_set(diag, "terminal", 0, -errno,
				   "cannot create a pipe: %s", strerror(errno));
	sig_fd = t->sig_pipe[1];
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_event;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ARRAY_SIZE(event_sigs); i++)
		sigaction(event_sigs[i], &sa, &old_event[i]);
	t->signals = true;
	t->quit_signal = 0;
	return 0;
}

static void signals_release(struct ms_term *t)
{
	size_t i;

	if (!t->signals)
		return;
	for (i = 0; i < ARRAY_SIZE(event_sigs); i++)
		sigaction(event_sigs[i], &old_event[i], NULL);
	sig_fd = -1;
	close(t->sig_pipe[0]);
	close(t->sig_pipe[1]);
	t->signals = false;
}

/* Appends terminfo capability @cap to the sequence the fatal path writes. */
static void add_leave_cap(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (leave_len + n >= sizeof(leave_seq))
		return;
	memcpy(leave_seq + leave_len, s, n);
	leave_len += n;
}

int ms_term_start(struct ms_term *t, bool color, struct ms_diag *diag)
{
	struct sigaction sa;
	const char *term = getenv("TERM");
	size_t i;
	int err;

	if (t->curses)
		return 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return ms_diag_set(
			diag, "terminal", 0, -ENOTTY,
			"expected a terminal on standard input and output");
	if (!term || !term[0])
		return ms_diag_set(diag, "terminal", 0, -ENOTTY,
				   "expected TERM to name the terminal type");
	err = ms_term_signals_init(t, diag);
	if (err)
		return err;
	have_tio = tcgetattr(STDOUT_FILENO, &saved_tio) == 0;
	/*
	 * The size comes from the terminal, not from LINES and COLUMNS,
	 * which a shell may have exported for another size.
	 */
	use_env(FALSE);
	use_tioctl(TRUE);
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		signals_release(t);
		return ms_diag_set(diag, "terminal", 0, -ENOTTY,
				   "cannot use terminal type '%s'", term);
	}
	set_term(screen);
	leave_len = 0;
	add_leave_cap("sgr0");
	add_leave_cap("cnorm");
	add_leave_cap("rmcup");
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/*
	 * Output in one write per refresh. Typeahead checks would make
	 * curses flush and poll the terminal every few lines (the main
	 * loop polls for keys itself). And until the screen has been
	 * through endwin() once, ncurses flushes its buffer at every
	 * cursor movement (TINFO_MVCUR() while _endwin is ewInitial): one
	 * write(2), and a wake-up of the terminal's reader, per changed
	 * line. Leaving and entering the screen before anything is drawn
	 * takes it out of that state.
	 */
	typeahead(-1);
	endwin();
	refresh();
	set_escdelay(25);
	curs_set(0);
	t->color = false;
	if (color && has_colors() && start_color() == OK) {
		use_default_colors();
		init_pair(MS_TERM_PAIR_RED, COLOR_RED, -1);
		init_pair(MS_TERM_PAIR_YELLOW, COLOR_YELLOW, -1);
		init_pair(MS_TERM_PAIR_GREEN, COLOR_GREEN, -1);
		init_pair(MS_TERM_PAIR_CYAN, COLOR_CYAN, -1);
		t->color = true;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ARRAY_SIZE(fatal_sigs); i++)
		sigaction(fatal_sigs[i], &sa, &old_fatal[i]);
	if (!atexit_done && !atexit(at_exit))
		atexit_done = true;
	t->curses = true;
	return 0;
}

/* The size the kernel has for the terminal, into curses. */
static void resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}

enum ms_term_event ms_term_wait(struct ms_term *t, int timeout_ms)
{
	struct pollfd pfd[2];
	nfds_t n = 1;
	bool resized = false;
	int r;

	if (!t->signals)
		return MS_TERM_ERROR;
	pfd[0].fd = t->sig_pipe[0];
	pfd[0].events = POLLIN;
	if (t->curses) {
		pfd[1].fd = STDIN_FILENO;
		pfd[1].events = POLLIN;
		n = 2;
	}
	r = poll(pfd, n, timeout_ms);
	if (r < 0 && errno == EINTR) /* the handler wrote to the pipe */
		r = poll(pfd, n, 0);
	if (r < 0)
		return errno == EINTR ? MS_TERM_TIMEOUT : MS_TERM_ERROR;
	if (r == 0)
		return MS_TERM_TIMEOUT;
	if (pfd[0].revents & POLLIN) {
		unsigned char buf[64];
		ssize_t got, i;

		while ((got = read(t->sig_pipe[0], buf, sizeof(buf))) > 0) {
			for (i = 0; i < got; i++) {
				if (buf[i] == SIGWINCH)
					resized = true;
				else if (!t->quit_signal)
					t->quit_signal = buf[i];
			}
		}
		if (t->quit_signal)
			return MS_TERM_QUIT;
		if (resized) {
			if (t->curses)
				resize();
			return MS_TERM_RESIZE;
		}
	}
	if (n == 2 && (pfd[1].revents & POLLIN))
		return MS_TERM_INPUT;
	if (n == 2 && (pfd[1].revents & (POLLHUP | POLLERR | POLLNVAL)))
		return MS_TERM_QUIT; /* the terminal went away */
	return MS_TERM_TIMEOUT;
}

int ms_term_key(struct ms_term *t)
{
	int c;

	if (!t->curses)
		return -1;
	c = wgetch(stdscr);
	return c == ERR ? -1 : c;
}

int ms_term_wait_keys(struct ms_term *t, int timeout_ms,
		      void (*key)(void *arg, int k), void *arg,
		      const bool *quit, struct ms_diag *diag)
{
	enum ms_term_event ev = ms_term_wait(t, timeout_ms);
	int k;

	if (ev == MS_TERM_QUIT)
		return 1;
	if (ev == MS_TERM_ERROR)
		return ms_diag_set(diag, "terminal", 0, -EIO,
				   "cannot wait for input: %s",
				   strerror(errno));
	if (ev == MS_TERM_INPUT)
		while (!*quit && (k = ms_term_key(t)) >= 0)
			key(arg, k);
	return *quit;
}

void ms_term_stop(struct ms_term *t)
{
	size_t i;

	if (t->curses) {
		endwin();
		for (i = 0; i < ARRAY_SIZE(fatal_sigs); i++)
			sigaction(fatal_sigs[i], &old_fatal[i], NULL);
		delscreen(screen);
		screen = NULL;
		if (have_tio)
			tcsetattr(STDOUT_FILENO, TCSANOW, &saved_tio);
		t->curses = false;
	}
	signals_release(t);
}
