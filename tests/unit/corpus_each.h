/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * corpus_each() - run @fn on the text of every KIND/NAME.txt of $MS_CORPUS,
 * or skip the test when MS_CORPUS is unset or has no KIND/ (the
 * runner's default points next to the repository, which a worktree does
 * not have). Include after cmocka.h, dirent.h, stdio.h and stdlib.h.
 */
#ifndef CORPUS_EACH_H
#define CORPUS_EACH_H

static void corpus_each(const char *kind, void (*fn)(const char *, size_t))
{
	const char *dir = getenv("MS_CORPUS");
	char path[4096];
	struct dirent *de;
	unsigned int files = 0;
	DIR *d;

	if (!dir || !*dir) {
		print_message("MS_CORPUS is not set: skipping the %s corpus\n",
			      kind);
		skip();
	}
	snprintf(path, sizeof(path), "%s/%s", dir, kind);
	d = opendir(path);
	if (!d) {
		print_message("MS_CORPUS=%s has no %s/: skipping\n", dir, kind);
		skip();
	}
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		char *buf;
		FILE *f;
		long len;

		if (n < 5 || strcmp(de->d_name + n - 4, ".txt"))
			continue;
		snprintf(path, sizeof(path), "%s/%s/%s", dir, kind, de->d_name);
		f = fopen(path, "rb");
		assert_non_null(f);
		assert_int_equal(fseek(f, 0, SEEK_END), 0);
		len = ftell(f);
		assert_true(len >= 0);
		rewind(f);
		buf = malloc((size_t)len + 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		fn(buf, (size_t)len);
		free(buf);
		files++;
	}
	closedir(d);
	assert_true(files > 0);
}

#endif
