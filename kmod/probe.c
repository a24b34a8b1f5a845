// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope_scull page allocator probe: a root-only file that makes the buddy
 * allocator do something on request and reports what happened. It lives in
 * debugfs as memscope_scull/probe (mode 0600), or as /proc/memscope_scull_probe
 * (mode 0600) when debugfs is unavailable.
 *
 * A write holds one command, words separated by blanks:
 *
 *	alloc ORDER COUNT CLASS [NODE]
 *		Makes COUNT allocations of 2^ORDER pages with the GFP class
 *		CLASS, holds every one that succeeded until all have been
 *		tried, records the node and zone of each, then frees them.
 *		CLASS is atomic (GFP_ATOMIC), nowait (GFP_NOWAIT) or kernel
 *		(GFP_KERNEL | __GFP_RETRY_MAYFAIL, so that a request larger
 *		than memory fails instead of invoking the OOM killer); all
 *		get __GFP_NOWARN. With NODE, the allocations are made on that
 *		node with __GFP_THISNODE.
 *	pin ORDER COUNT [NODE]
 *		Allocates COUNT blocks of 2^ORDER pages with the kernel class
 *		and keeps them ("pinned") until release. Pins accumulate.
 *	punch [STRIDE]
 *		Splits every pinned block into single pages and frees all but
 *		every STRIDE-th page (default 2), so a pinned block of order k
 *		leaves 2^k / STRIDE pinned pages and free holes between them:
 *		stride 2 leaves isolated order-0 holes, stride 4 order-0 and
 *		order-1 holes. Pinned order-0 blocks keep every STRIDE-th block.
 *	release
 *		Frees every pinned page.
 *
 * ORDER is 0..max order, COUNT 1..max_count, STRIDE 2..max_stride, NODE an
 * online node. A malformed command fails with EINVAL and leaves the last
 * result in place; an allocation that fails is not an error, it is counted.
 * Pinned pages are also released when the module is unloaded.
 *
 * Reading returns the result of the last successful command, as lines of a
 * keyword followed by key=value pairs:
 *
 *	probe - version: 1
 *	limits max_order=10 max_count=4194304 max_stride=1024
 *	alloc order=3 class=atomic node=-1 requested=100 succeeded=97
 *	zone node=0 zone=DMA32 count=97
 *	pinned blocks=0 pages=0
 *
 * The third line is the result line: "none" before the first command, else
 * one of
 *
 *	alloc order=O class=C node=N requested=R succeeded=S
 *	pin order=O node=N requested=R succeeded=S
 *	punch stride=S freed_pages=F
 *	release freed_pages=F
 *
 * where node=-1 means no node was asked for. After alloc and pin, one zone
 * line per (node, zone) that served at least one block follows, in node
 * then zone order, with count the blocks it served (they sum to succeeded).
 * The last line gives what is pinned now: blocks and pages (after a punch
 * every block is a single page).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "memscope_scull.h"

#define PROBE_MAX_COUNT	 BIT(22)
#define PROBE_MAX_STRIDE 1024
#define PROBE_CMD_MAX	 128
#define PROBE_MAX_ARGS	 6

enum probe_cmd {
	PROBE_NONE,
	PROBE_ALLOC,
	PROBE_PIN,
	PROBE_PUNCH,
	PROBE_RELEASE,
};

struct probe_class {
	const char *name;
	gfp_t gfp;
};

static const struct probe_class probe_classes[] = {
	{ "atomic", GFP_ATOMIC | __GFP_NOWARN },
	{ "nowait", GFP_NOWAIT | __GFP_NOWARN },
	{ "kernel", GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN },
};

#define PROBE_CLASS_KERNEL 2

/* A set of pinned blocks of one order. */
struct probe_batch {
	struct list_head list;
	unsigned int order;
	unsigned long nr; /* blocks in pages[] */
	struct page **pages;
};

struct probe_result {
	enum probe_cmd cmd;
	unsigned int order;
	unsigned int class;
	int node;
	unsigned long requested;
	unsigned long succeeded;
	unsigned long stride;
	unsigned long freed_pages;
};

/* Serializes commands and reads; protects everything below it. */
static DEFINE_MUTEX(probe_lock);
static LIST_HEAD(probe_pinned); /* of struct probe_batch */
static unsigned long probe_pinned_blocks;
static unsigned long probe_pinned_pages;
static struct probe_result probe_last;
/* Blocks per (node, zone) of the last alloc or pin: [nid * MAX_NR_ZONES + zone] */
static unsigned long *probe_zone_count;
static const char *probe_zone_name[MAX_NR_ZONES];
static struct dentry *probe_dir;
static bool probe_in_proc;

static struct page *probe_alloc_block(gfp_t gfp, unsigned int order, int node)
{
	if (node == NUMA_NO_NODE)
		return alloc_pages(gfp, order);
	return alloc_pages_node(node, gfp | __GFP_THISNODE, order);
}

static void probe_count_zones(struct page **pages, unsigned long nr)
{
	unsigned long i;
	int zone;

	memset(probe_zone_count, 0,
	       nr_node_ids * MAX_NR_ZONES * sizeof(*probe_zone_count));
	for (i = 0; i < nr; i++) {
		zone = page_zonenum(pages[i]);
		probe_zone_count[page_to_nid(pages[i]) * MAX_NR_ZONES + zone]++;
		probe_zone_name[zone] = page_zone(pages[i])->name;
	}
}

/*
 * Tries @count allocations into a new array. Returns it (with *nr_ok set to
 * the blocks it holds), or an ERR_PTR on interruption or lack of memory for
 * the array itself.
 */
static struct page **probe_alloc_many(unsigned int order, unsigned long count,
				      gfp_t gfp, int node, unsigned long *nr_ok)
{
	struct page **pages;
	struct page *page;
	unsigned long i, n = 0;

	pages = kvmalloc_array(count, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < count; i++) {
		if (fatal_signal_pending(current)) {
			while (n)
				__free_pages(pages[--n], order);
			kvfree(pages);
			return ERR_PTR(-EINTR);
		}
		page = probe_alloc_block(gfp, order, node);
		if (page)
			pages[n++] = page;
		cond_resched();
	}
	*nr_ok = n;
	return pages;
}

static int probe_alloc(unsigned int order, unsigned long count,
		       unsigned int class, int node)
{
	struct page **pages;
	unsigned long i, n;

	pages = probe_alloc_many(order, count, probe_classes[class].gfp, node,
				 &n);
	if (IS_ERR(pages))
		return PTR_ERR(pages);
	probe_count_zones(pages, n);
	for (i = 0; i < n; i++)
		__free_pages(pages[i], order);
	kvfree(pages);

	probe_last = (struct probe_result){
		.cmd = PROBE_ALLOC,
		.order = order,
		.class = class,
		.node = node,
		.requested = count,
		.succeeded = n,
	};
	return 0;
}

static int probe_pin(unsigned int order, unsigned long count, int node)
{
	struct probe_batch *batch;
	gfp_t gfp = probe_classes[PROBE_CLASS_KERNEL].gfp;
	struct page **pages;
	unsigned long n;

	batch = kzalloc(sizeof(*batch), GFP_KERNEL);
	if (!batch)
		return -ENOMEM;
	pages = probe_alloc_many(order, count, gfp, node, &n);
	if (IS_ERR(pages)) {
		kfree(batch);
		return PTR_ERR(pages);
	}
	probe_count_zones(pages, n);
	if (n) {
		batch->order = order;
		batch->nr = n;
		batch->pages = pages;
		list_add_tail(&batch->list, &probe_pinned);
		probe_pinned_blocks += n;
		probe_pinned_pages += n << order;
	} else {
		kvfree(pages);
		kfree(batch);
	}

	probe_last = (struct probe_result){
		.cmd = PROBE_PIN,
		.order = order,
		.class = PROBE_CLASS_KERNEL,
		.node = node,
		.requested = count,
		.succeeded = n,
	};
	return 0;
}

/* Keeps every @stride-th page of @batch; returns the pages freed. */
static long probe_punch_batch(struct probe_batch *batch, unsigned long stride)
{
	unsigned long per_block = 1UL << batch->order;
	unsigned long keep = DIV_ROUND_UP(per_block, stride);
	unsigned long i, j, n = 0, freed = 0;
	struct page **kept;

	if (!batch->order) {
		for (i = 0; i < batch->nr; i++) {
			if (i % stride == 0) {
				batch->pages[n++] = batch->pages[i];
			} else {
				__free_page(batch->pages[i]);
				freed++;
			}
		}
		batch->nr = n;
		return freed;
	}

	kept = kvmalloc_array(batch->nr * keep, sizeof(*kept), GFP_KERNEL);
	if (!kept)
		return -ENOMEM;
	for (i = 0; i < batch->nr; i++) {
		split_page(batch->pages[i], batch->order);
		for (j = 0; j < per_block; j++) {
			if (j % stride == 0) {
				kept[n++] = batch->pages[i] + j;
			} else {
				__free_page(batch->pages[i] + j);
				freed++;
			}
		}
		cond_resched();
	}
	kvfree(batch->pages);
	batch->pages = kept;
	batch->nr = n;
	batch->order = 0;
	return freed;
}

static void probe_recount_pinned(void)
{
	struct probe_batch *batch;

	probe_pinned_blocks = 0;
	probe_pinned_pages = 0;
	list_for_each_entry(batch, &probe_pinned, list) {
		probe_pinned_blocks += batch->nr;
		probe_pinned_pages += batch->nr << batch->order;
	}
}

static int probe_punch(unsigned long stride)
{
	struct probe_batch *batch, *tmp;
	unsigned long freed = 0;
	long ret;

	list_for_each_entry_safe(batch, tmp, &probe_pinned, list) {
		ret = probe_punch_batch(batch, stride);
		if (ret < 0) {
			/* Batches punched so far stay punched. */
			probe_recount_pinned();
			return ret;
		}
		freed += ret;
		if (!batch->nr) {
			list_del(&batch->list);
			kvfree(batch->pages);
			kfree(batch);
		}
	}
	probe_recount_pinned();
	memset(probe_zone_count, 0,
	       nr_node_ids * MAX_NR_ZONES * sizeof(*probe_zone_count));
	probe_last = (struct probe_result){
		.cmd = PROBE_PUNCH,
		.stride = stride,
		.freed_pages = freed,
	};
	return 0;
}

static unsigned long probe_release_all(void)
{
	struct probe_batch *batch, *tmp;
	unsigned long i, freed = 0;

	list_for_each_entry_safe(batch, tmp, &probe_pinned, list) {
		for (i = 0; i < batch->nr; i++)
			__free_pages(batch->pages[i], batch->order);
		freed += batch->nr << batch->order;
		list_del(&batch->list);
		kvfree(batch->pages);
		kfree(batch);
		cond_resched();
	}
	probe_pinned_blocks = 0;
	probe_pinned_pages = 0;
	return freed;
}

static int probe_release(void)
{
	unsigned long freed = probe_release_all();

	memset(probe_zone_count, 0,
	       nr_node_ids * MAX_NR_ZONES * sizeof(*probe_zone_count));
	probe_last = (struct probe_result){
		.cmd = PROBE_RELEASE,
		.freed_pages = freed,
	};
	return 0;
}

static int probe_parse_order(const char *s, unsigned int *order)
{
	if (kstrtouint(s, 10, order) || *order > MSCULL_MAX_ORDER)
		return -EINVAL;
	return 0;
}

static int probe_parse_count(const char *s, unsigned long *count)
{
	if (kstrtoul(s, 10, count) || !*count || *count > PROBE_MAX_COUNT)
		return -EINVAL;
	return 0;
}

static int probe_parse_node(const char *s, int *node)
{
	if (kstrtoint(s, 10, node) || *node < 0 ||
	    (unsigned int)*node >= nr_node_ids || !node_online(*node))
		return -EINVAL;
	return 0;
}

static int probe_parse_class(const char *s, unsigned int *class)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(probe_classes); i++) {
		if (!strcmp(s, probe_classes[i].name)) {
			*class = i;
			return 0;
		}
	}
	return -EINVAL;
}

/* Runs one command; called with probe_lock held. */
static int probe_run(int argc, char **argv)
{
	unsigned long count, stride = 2;
	unsigned int order, class;
	int node = NUMA_NO_NODE;

	if (!strcmp(argv[0], "alloc")) {
		if (argc < 4 || argc > 5 ||
		    probe_parse_order(argv[1], &order) ||
		    probe_parse_count(argv[2], &count) ||
		    probe_parse_class(argv[3], &class) ||
		    (argc == 5 && probe_parse_node(argv[4], &node)))
			return -EINVAL;
		return probe_alloc(order, count, class, node);
	}
	if (!strcmp(argv[0], "pin")) {
		if (argc < 3 || argc > 4 ||
		    probe_parse_order(argv[1], &order) ||
		    probe_parse_count(argv[2], &count) ||
		    (argc == 4 && probe_parse_node(argv[3], &node)))
			return -EINVAL;
		return probe_pin(order, count, node);
	}
	if (!strcmp(argv[0], "punch")) {
		if (argc > 2 ||
		    (argc == 2 && (kstrtoul(argv[1], 10, &stride) ||
				   stride < 2 || stride > PROBE_MAX_STRIDE)))
			return -EINVAL;
		return probe_punch(stride);
	}
	if (!strcmp(argv[0], "release")) {
		if (argc != 1)
			return -EINVAL;
		return probe_release();
	}
	return -EINVAL;
}

static ssize_t probe_write(struct file *file, const char __user *ubuf,
			   size_t len, loff_t *ppos)
{
	char *argv[PROBE_MAX_ARGS];
	char *buf, *p, *tok;
	int argc = 0;
	int ret;

	if (len > PROBE_CMD_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);

	p = buf;
	ret = -EINVAL;
	while ((tok = strsep(&p, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (argc == PROBE_MAX_ARGS)
			goto out_free;
		argv[argc++] = tok;
	}
	if (!argc)
		goto out_free;

	if (mutex_lock_interruptible(&probe_lock)) {
		ret = -ERESTARTSYS;
		goto out_free;
	}
	ret = probe_run(argc, argv);
	mutex_unlock(&probe_lock);

out_free:
	kfree(buf);
	return ret ? ret : len;
}

static void probe_show_result(struct seq_file *s)
{
	const struct probe_result *r = &probe_last;

	switch (r->cmd) {
	case PROBE_NONE:
		seq_puts(s, "none\n");
		break;
	case PROBE_ALLOC:
		seq_printf(s, "alloc order=%u class=%s node=%d ", r->order,
			   probe_classes[r->class].name, r->node);
		seq_printf(s, "requested=%lu succeeded=%lu\n", r->requested,
			   r->succeeded);
		break;
	case PROBE_PIN:
		seq_printf(s,
			   "pin order=%u node=%d requested=%lu succeeded=%lu\n",
			   r->order, r->node, r->requested, r->succeeded);
		break;
	case PROBE_PUNCH:
		seq_printf(s, "punch stride=%lu freed_pages=%lu\n", r->stride,
			   r->freed_pages);
		break;
	case PROBE_RELEASE:
		seq_printf(s, "release freed_pages=%lu\n", r->freed_pages);
		break;
	}
}

static int probe_show(struct seq_file *s, void *v)
{
	unsigned long count;
	unsigned int nid;
	int zone;

	if (mutex_lock_interruptible(&probe_lock))
		return -ERESTARTSYS;
	seq_printf(s, "probe - version: %d\n", MSCULL_FORMAT_VERSION);
	seq_printf(s, "limits max_order=%d max_count=%lu max_stride=%d\n",
		   MSCULL_MAX_ORDER, PROBE_MAX_COUNT, PROBE_MAX_STRIDE);
	probe_show_result(s);
	for (nid = 0; nid < nr_node_ids; nid++) {
		for (zone = 0; zone < MAX_NR_ZONES; zone++) {
			count = probe_zone_count[nid * MAX_NR_ZONES + zone];
			if (count)
				seq_printf(s,
					   "zone node=%u zone=%s count=%lu\n",
					   nid, probe_zone_name[zone], count);
		}
	}
	seq_printf(s, "pinned blocks=%lu pages=%lu\n", probe_pinned_blocks,
		   probe_pinned_pages);
	mutex_unlock(&probe_lock);
	return 0;
}

static int probe_open(struct inode *inode, struct file *file)
{
	return single_open(file, probe_show, NULL);
}

static const struct file_operations probe_fops = {
	.owner = THIS_MODULE,
	.open = probe_open,
	.read = seq_read,
	.write = probe_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct proc_ops probe_proc_ops = {
	.proc_open = probe_open,
	.proc_read = seq_read,
	.proc_write = probe_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

int __init mscull_probe_init(void)
{
	struct dentry *file;

	probe_zone_count = kcalloc(nr_node_ids * MAX_NR_ZONES,
				   sizeof(*probe_zone_count), GFP_KERNEL);
	if (!probe_zone_count)
		return -ENOMEM;

	probe_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (!IS_ERR(probe_dir)) {
		file = debugfs_create_file("probe", 0600, probe_dir, NULL,
					   &probe_fops);
		if (!IS_ERR(file))
			return 0;
		debugfs_remove_recursive(probe_dir);
	}
	probe_dir = NULL;

	/* No debugfs (not built, or disabled at boot): use /proc. */
	if (!proc_create("memscope_scull_probe", 0600, NULL, &probe_proc_ops)) {
		kfree(probe_zone_count);
		return -ENOMEM;
	}
	probe_in_proc = true;
	pr_info("debugfs unavailable, probe is /proc/memscope_scull_probe\n");
	return 0;
}

void mscull_probe_exit(void)
{
	if (probe_in_proc)
		remove_proc_entry("memscope_scull_probe", NULL);
	else
		debugfs_remove_recursive(probe_dir);
	mutex_lock(&probe_lock);
	probe_release_all();
	mutex_unlock(&probe_lock);
	kfree(probe_zone_count);
}
