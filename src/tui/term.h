/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TERM_H
#define MS_TERM_H

#include <stdbool.h>

#include "lib/parse.h"

/*
 * Terminal plumbing shared by the full-screen views: starting and
 * stopping curses, signals turned into events through a self-pipe, and
 * one poll() that waits for a key, a signal or the refresh time.
 *
 * A program has at most one struct ms_term at a time: signal handlers
 * reach it through a file-scope descriptor, the one piece of global
 * state that signal handling cannot avoid.
 */

/**
 * enum ms_term_event - what ended ms_term_wait()
 * @MS_TERM_TIMEOUT: the time ran out
 * @MS_TERM_INPUT:   a key can be read with ms_term_key()
 * @MS_TERM_RESIZE:  the terminal changed size (SIGWINCH); curses already
 *                   knows the new size
 * @MS_TERM_QUIT:    SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived
 * @MS_TERM_ERROR:   poll() failed
 */
enum ms_term_event {
	MS_TERM_TIMEOUT,
	MS_TERM_INPUT,
	MS_TERM_RESIZE,
	MS_TERM_QUIT,
	MS_TERM_ERROR,
};

/**
 * struct ms_term - one terminal session
 * @sig_pipe: the self-pipe signal handlers write their number into
 * @signals:  handlers are installed
 * @curses:   curses is running (ms_term_start())
 * @color:    colour pairs are set up (see enum ms_term_pair)
 * @quit_signal: the signal that asked to quit, 0 if none
 *
 * The fields are private; set the struct to zero before use.
 */
struct ms_term {
	int sig_pipe[2];
	bool signals;
	bool curses;
	bool color;
	int quit_signal;
};

/* Colour pairs ms_term_start() defines when colour is on. */
enum ms_term_pair {
	MS_TERM_PAIR_RED = 1,
	MS_TERM_PAIR_YELLOW,
	MS_TERM_PAIR_GREEN,
	MS_TERM_PAIR_CYAN,
};

/**
 * ms_term_signals_init() - route SIGINT, SIGTERM, SIGHUP, SIGQUIT and
 * SIGWINCH through the self-pipe, for ms_term_wait()
 *
 * Used alone by loops that write to a pipe (--watch without a
 * terminal), and by ms_term_start().
 *
 * Return: 0, or a negative errno with @diag filled.
 */
int ms_term_signals_init(struct ms_term *t, struct ms_diag *diag);

/**
 * ms_term_start() - take over the terminal on standard input and output
 * @color: use colours if the terminal has them (the caller has already
 *         applied --no-color and NO_COLOR)
 *
 * Starts curses (cbreak, no echo, keypad, hidden cursor, no waiting in
 * getch) and the signal routing. Fatal signals (SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGABRT) first put the terminal back into the state it was in,
 * and atexit() does the same for an exit() from anywhere, so the shell
 * never gets a raw terminal back.
 *
 * Return: 0, or a negative errno with @diag filled (for example an
 * unknown TERM).
 */
int ms_term_start(struct ms_term *t, bool color, struct ms_diag *diag);

/**
 * ms_term_wait() - wait for a key, a signal or @timeout_ms milliseconds
 * @timeout_ms: -1 waits without a time limit
 *
 * Keys are only waited for after ms_term_start().
 */
enum ms_term_event ms_term_wait(struct ms_term *t, int timeout_ms);

/**
 * ms_term_key() - the next key (a character or a curses KEY_* code), or
 * -1 when no more are waiting
 */
int ms_term_key(struct ms_term *t);

/**
 * ms_term_wait_keys() - ms_term_wait(), then every waiting key to @key
 * until it sets *@quit
 * @key: called with @arg and each key
 * @quit: read after each key; true stops the keys
 *
 * Return: 1 when the run should end (a quit signal, the terminal gone,
 * or *@quit), 0 to go on, -EIO (with @diag set) when waiting failed.
 */
int ms_term_wait_keys(struct ms_term *t, int timeout_ms,
		      void (*key)(void *arg, int k), void *arg,
		      const bool *quit, struct ms_diag *diag);

/**
 * ms_term_stop() - give the terminal back: end curses (restoring the
 * modes and screen it found), restore the signal handlers, close the
 * pipe; calling it again does nothing
 */
void ms_term_stop(struct ms_term *t);

#endif
