// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope_scull - scullp and scullv, the page-based and vmalloc-based scull
 * devices of "Linux Device Drivers", 3rd edition, chapter 8 ("Allocating
 * Memory"), ported to a current kernel, plus a page allocator probe
 * (probe.c). memscope uses them to create allocations whose pages, orders
 * and vmalloc areas are known, and checks its reading of /proc against them.
 *
 * Devices: /dev/scullp0..N-1 and /dev/scullv0..N-1 (N = nr_devs). Each
 * device is a memory-backed file: data lives in quanta, and a list of
 * quantum sets holds qset quantum pointers each. A scullp quantum is
 * PAGE_SIZE << order bytes from __get_free_pages(); a scullv quantum is
 * vpages pages from vmalloc. Opening a device write-only, or with O_TRUNC
 * for writing, empties it. Unwritten parts inside the size read as zeros.
 *
 * /proc/scullpmem and /proc/scullvmem (mode 0400) are line-oriented text.
 * The first line names the file and the format version:
 *
 *	scullpmem - version: 1
 *
 * Then one line per device, of the device keyword and name followed by
 * "key value" pairs (decimal numbers):
 *
 *	device scullp0 qset 500 order 0 quantum 4096 size 12345 quanta 4
 *	device scullv0 qset 500 pages 16 quantum 65536 size 12345 quanta 1
 *
 * qset is the number of quantum pointers per set, order (scullp) the page
 * order of a quantum, pages (scullv) the pages of a quantum, quantum the
 * bytes of a quantum, size the bytes of data held, quanta the number of
 * quanta allocated. Each device line is followed by one line per allocated
 * quantum, indented by two spaces, in ascending quantum index (index =
 * byte offset / quantum; indices of holes are absent):
 *
 *	  quantum 0 pfn 123456 order 0 node 0
 *	  quantum 0 addr 0xffffc90000c45000-0xffffc90000c55000 pages 16
 *
 * For scullp, pfn is the first page frame of the block (aligned to
 * 1 << order) and node its NUMA node. For scullv, addr gives the start
 * (equal to the start in /proc/vmallocinfo) and the exclusive end of the
 * usable area; vmallocinfo's end is one guard page further. Addresses are
 * printed with %pK, so they follow kernel.kptr_restrict exactly as
 * /proc/vmallocinfo does. Parsers should ignore keys they do not know;
 * a change that breaks this grammar increments the version.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "memscope_scull.h"

#define SCULL_MAX_DEVS	 128
#define SCULL_MAX_QSET	 65536
#define SCULL_MAX_VPAGES 4096
/* Bounds a device's size, and so the length of its list of quantum sets. */
#define SCULL_MAX_QSETS 65536

static int nr_devs = 4;
module_param(nr_devs, int, 0444);
MODULE_PARM_DESC(nr_devs,
		 "Number of scullp and of scullv devices (1..128, default 4)");

static int qset = 500;
module_param(qset, int, 0444);
MODULE_PARM_DESC(qset,
		 "Quantum pointers per quantum set (1..65536, default 500)");

static int order;
module_param(order, int, 0444);
MODULE_PARM_DESC(order,
		 "Page order of a scullp quantum (0..max order, default 0)");

static int vpages = 16;
module_param(vpages, int, 0444);
MODULE_PARM_DESC(vpages, "Pages in a scullv quantum (1..4096, default 16)");

enum scull_kind {
	SCULL_P,
	SCULL_V,
};

static const char *const scull_kind_name[] = {
	[SCULL_P] = "scullp",
	[SCULL_V] = "scullv",
};

struct scull_qset {
	struct list_head list;
	void **data; /* qset quantum pointers, NULL for holes */
};

struct scull_dev {
	enum scull_kind kind;
	unsigned int index;
	unsigned int order; /* scullp: quantum is PAGE_SIZE << order */
	unsigned int qset;
	size_t quantum;		/* bytes in a quantum */
	loff_t max_bytes;	/* largest size the device may reach */
	struct mutex lock;	/* serializes all of the fields below */
	struct list_head qsets; /* of struct scull_qset */
	unsigned long nr_qsets;
	unsigned long nr_quanta; /* quanta allocated */
	loff_t size;		 /* bytes of data held */
	struct cdev cdev;
	bool cdev_added;
	struct device *device;
};

/* The quantum that holds a byte offset of a device. */
struct scull_pos {
	unsigned long item; /* index of the quantum set */
	unsigned int s_pos; /* index of the quantum in the set */
	size_t q_pos;	    /* offset in the quantum */
};

static struct scull_dev *scull_devs; /* nr_devs scullp, then nr_devs scullv */
static dev_t scull_devt;
static struct class *scull_class;

static void *scullp_quantum_alloc(unsigned int quantum_order)
{
	return (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN,
					quantum_order);
}

/*
 * /proc/vmallocinfo names the caller of vzalloc(), so that every scullv
 * area shows as scullv_quantum_alloc: not __init (freed after loading),
 * not inlined, and no tail call (which would name our caller instead).
 */
static noinline void *scullv_quantum_alloc(size_t size)
{
	void *q = vzalloc(size);

	barrier();
	return q;
}

static void *scull_quantum_alloc(struct scull_dev *dev)
{
	if (dev->kind == SCULL_P)
		return scullp_quantum_alloc(dev->order);
	return scullv_quantum_alloc(dev->quantum);
}

static void scull_quantum_free(struct scull_dev *dev, void *quantum)
{
	if (dev->kind == SCULL_P)
		free_pages((unsigned long)quantum, dev->order);
	else
		vfree(quantum);
}

/* Frees all data of a device. Called with dev->lock held or at teardown. */
static void scull_trim(struct scull_dev *dev)
{
	struct scull_qset *qs, *tmp;
	unsigned int i;

	list_for_each_entry_safe(qs, tmp, &dev->qsets, list) {
		for (i = 0; i < dev->qset; i++) {
			if (qs->data[i])
				scull_quantum_free(dev, qs->data[i]);
		}
		list_del(&qs->list);
		kvfree(qs->data);
		kfree(qs);
	}
	dev->nr_qsets = 0;
	dev->nr_quanta = 0;
	dev->size = 0;
}

static void scull_locate(const struct scull_dev *dev, loff_t pos,
			 struct scull_pos *p)
{
	u64 set_bytes = (u64)dev->quantum * dev->qset;
	u64 rest;

	p->item = div64_u64_rem(pos, set_bytes, &rest);
	p->s_pos = rest / dev->quantum;
	p->q_pos = rest % dev->quantum;
}

/*
 * Returns quantum set number @item, or NULL if the device has none such.
 * With @create, missing sets up to @item are added (NULL if that fails).
 */
static struct scull_qset *scull_follow(struct scull_dev *dev,
				       unsigned long item, bool create)
{
	struct scull_qset *qs;
	unsigned long i = 0;

	if (item < dev->nr_qsets) {
		list_for_each_entry(qs, &dev->qsets, list) {
			if (i++ == item)
				return qs;
		}
	}
	if (!create)
		return NULL;
	while (dev->nr_qsets <= item) {
		qs = kzalloc(sizeof(*qs), GFP_KERNEL);
		if (!qs)
			return NULL;
		qs->data = kvcalloc(dev->qset, sizeof(*qs->data), GFP_KERNEL);
		if (!qs->data) {
			kfree(qs);
			return NULL;
		}
		list_add_tail(&qs->list, &dev->qsets);
		dev->nr_qsets++;
	}
	return qs;
}

static int scull_open(struct inode *inode, struct file *filp)
{
	struct scull_dev *dev =
		container_of(inode->i_cdev, struct scull_dev, cdev);
	bool wronly = (filp->f_flags & O_ACCMODE) == O_WRONLY;
	bool trunc = (filp->f_flags & O_TRUNC) && (filp->f_mode & FMODE_WRITE);

	filp->private_data = dev;
	if (wronly || trunc) {
		if (mutex_lock_interruptible(&dev->lock))
			return -ERESTARTSYS;
		scull_trim(dev);
		mutex_unlock(&dev->lock);
	}
	return 0;
}

static int scull_release(struct inode *inode, struct file *filp)
{
	return 0;
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count,
			  loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *qs = NULL;
	unsigned long qs_item = ULONG_MAX;
	loff_t pos = *f_pos;
	ssize_t done = 0;
	int err = 0;

	if (pos < 0)
		return -EINVAL;
	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	if (pos >= dev->size)
		goto out_unlock;
	if ((u64)count > (u64)(dev->size - pos))
		count = dev->size - pos;

	while (count) {
		struct scull_pos p;
		unsigned long left;
		size_t chunk;
		void *q;

		scull_locate(dev, pos, &p);
		chunk = min(count, dev->quantum - p.q_pos);
		if (p.item != qs_item) {
			qs = scull_follow(dev, p.item, false);
			qs_item = p.item;
		}
		q = qs ? qs->data[p.s_pos] : NULL;
		if (q)
			left = copy_to_user(buf + done, q + p.q_pos, chunk);
		else
			left = clear_user(buf + done, chunk);
		done += chunk - left;
		pos += chunk - left;
		count -= chunk;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	*f_pos = pos;

out_unlock:
	mutex_unlock(&dev->lock);
	return done ? done : err;
}

static ssize_t scull_write(struct file *filp, const char __user *buf,
			   size_t count, loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *qs = NULL;
	unsigned long qs_item = ULONG_MAX;
	loff_t pos = *f_pos;
	ssize_t done = 0;
	int err = 0;

	if (pos < 0)
		return -EINVAL;
	if (!count)
		return 0;
	if (pos >= dev->max_bytes)
		return -EFBIG;
	if ((u64)count > (u64)(dev->max_bytes - pos))
		count = dev->max_bytes - pos;
	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;

	while (count) {
		struct scull_pos p;
		unsigned long left;
		size_t chunk;
		void *q;

		scull_locate(dev, pos, &p);
		chunk = min(count, dev->quantum - p.q_pos);
		if (p.item != qs_item) {
			qs = scull_follow(dev, p.item, true);
			qs_item = p.item;
		}
		if (!qs) {
			err = -ENOMEM;
			break;
		}
		q = qs->data[p.s_pos];
		if (!q) {
			q = scull_quantum_alloc(dev);
			if (!q) {
				err = -ENOMEM;
				break;
			}
			qs->data[p.s_pos] = q;
			dev->nr_quanta++;
		}
		left = copy_from_user(q + p.q_pos, buf + done, chunk);
		done += chunk - left;
		pos += chunk - left;
		count -= chunk;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (pos > dev->size)
		dev->size = pos;
	*f_pos = pos;
	mutex_unlock(&dev->lock);
	return done ? done : err;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
	struct scull_dev *dev = filp->private_data;
	loff_t size;

	mutex_lock(&dev->lock);
	size = dev->size;
	mutex_unlock(&dev->lock);
	return generic_file_llseek_size(filp, off, whence, dev->max_bytes,
					size);
}

static const struct file_operations scull_fops = {
	.owner = THIS_MODULE,
	.open = scull_open,
	.release = scull_release,
	.read = scull_read,
	.write = scull_write,
	.llseek = scull_llseek,
};

/* /proc/scullpmem and /proc/scullvmem; the format is described above. */

static struct scull_dev *scull_dev_of(enum scull_kind kind, loff_t idx)
{
	if (idx < 0 || idx >= nr_devs)
		return NULL;
	return &scull_devs[kind * nr_devs + idx];
}

static void *scullmem_start(struct seq_file *s, loff_t *pos)
{
	enum scull_kind *kind = s->private;

	if (*pos == 0)
		return SEQ_START_TOKEN;
	return scull_dev_of(*kind, *pos - 1);
}

static void *scullmem_next(struct seq_file *s, void *v, loff_t *pos)
{
	enum scull_kind *kind = s->private;

	++*pos;
	return scull_dev_of(*kind, *pos - 1);
}

static void scullmem_stop(struct seq_file *s, void *v)
{
}

static void scullmem_show_quantum(struct seq_file *s, struct scull_dev *dev,
				  unsigned long idx, void *q)
{
	struct page *page;

	if (dev->kind == SCULL_P) {
		page = virt_to_page(q);
		seq_printf(s, "  quantum %lu pfn %lu order %u node %d\n", idx,
			   page_to_pfn(page), dev->order, page_to_nid(page));
	} else {
		seq_printf(s, "  quantum %lu addr 0x%pK-0x%pK pages %zu\n", idx,
			   q, q + dev->quantum, dev->quantum >> PAGE_SHIFT);
	}
}

static int scullmem_show(struct seq_file *s, void *v)
{
	enum scull_kind *kind = s->private;
	struct scull_dev *dev = v;
	struct scull_qset *qs;
	unsigned long item = 0;
	unsigned int i;

	if (v == SEQ_START_TOKEN) {
		seq_printf(s, "%smem - version: %d\n", scull_kind_name[*kind],
			   MSCULL_FORMAT_VERSION);
		return 0;
	}
	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	seq_printf(s, "device %s%u qset %u", scull_kind_name[dev->kind],
		   dev->index, dev->qset);
	if (dev->kind == SCULL_P)
		seq_printf(s, " order %u", dev->order);
	else
		seq_printf(s, " pages %zu", dev->quantum >> PAGE_SHIFT);
	seq_printf(s, " quantum %zu size %lld quanta %lu\n", dev->quantum,
		   dev->size, dev->nr_quanta);
	list_for_each_entry(qs, &dev->qsets, list) {
		for (i = 0; i < dev->qset; i++) {
			if (qs->data[i])
				scullmem_show_quantum(s, dev,
						      item * dev->qset + i,
						      qs->data[i]);
		}
		item++;
	}
	mutex_unlock(&dev->lock);
	return 0;
}

static const struct seq_operations scullmem_seq_ops = {
	.start = scullmem_start,
	.next = scullmem_next,
	.stop = scullmem_stop,
	.show = scullmem_show,
};

static enum scull_kind scullmem_kinds[] = { SCULL_P, SCULL_V };

static int scullmem_open(struct file *file, enum scull_kind kind)
{
	int ret = seq_open(file, &scullmem_seq_ops);

	if (!ret)
		((struct seq_file *)file->private_data)->private =
			&scullmem_kinds[kind];
	return ret;
}

static int scullpmem_open(struct inode *inode, struct file *file)
{
	return scullmem_open(file, SCULL_P);
}

static int scullvmem_open(struct inode *inode, struct file *file)
{
	return scullmem_open(file, SCULL_V);
}

static const struct proc_ops scullpmem_ops = {
	.proc_open = scullpmem_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static const struct proc_ops scullvmem_ops = {
	.proc_open = scullvmem_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int __init scull_check_params(void)
{
	if (nr_devs < 1 || nr_devs > SCULL_MAX_DEVS) {
		pr_err("nr_devs %d out of range 1..%d\n", nr_devs,
		       SCULL_MAX_DEVS);
		return -EINVAL;
	}
	if (qset < 1 || qset > SCULL_MAX_QSET) {
		pr_err("qset %d out of range 1..%d\n", qset, SCULL_MAX_QSET);
		return -EINVAL;
	}
	if (order < 0 || order > MSCULL_MAX_ORDER) {
		pr_err("order %d out of range 0..%d\n", order,
		       MSCULL_MAX_ORDER);
		return -EINVAL;
	}
	if (vpages < 1 || vpages > SCULL_MAX_VPAGES) {
		pr_err("vpages %d out of range 1..%d\n", vpages,
		       SCULL_MAX_VPAGES);
		return -EINVAL;
	}
	return 0;
}

static void scull_dev_teardown(struct scull_dev *dev)
{
	if (dev->device)
		device_destroy(scull_class, dev->cdev.dev);
	if (dev->cdev_added)
		cdev_del(&dev->cdev);
	scull_trim(dev);
	mutex_destroy(&dev->lock);
}

static int __init scull_dev_setup(struct scull_dev *dev, enum scull_kind kind,
				  unsigned int index, unsigned int minor)
{
	dev_t devt = MKDEV(MAJOR(scull_devt), minor);
	int ret;

	dev->kind = kind;
	dev->index = index;
	dev->qset = qset;
	if (kind == SCULL_P) {
		dev->order = order;
		dev->quantum = PAGE_SIZE << order;
	} else {
		dev->quantum = (size_t)vpages << PAGE_SHIFT;
	}
	dev->max_bytes = (loff_t)dev->quantum * dev->qset * SCULL_MAX_QSETS;
	mutex_init(&dev->lock);
	INIT_LIST_HEAD(&dev->qsets);

	cdev_init(&dev->cdev, &scull_fops);
	dev->cdev.owner = THIS_MODULE;
	ret = cdev_add(&dev->cdev, devt, 1);
	if (ret) {
		pr_err("cdev_add %s%u failed: %d\n", scull_kind_name[kind],
		       index, ret);
		return ret;
	}
	dev->cdev_added = true;

	dev->device = device_create(scull_class, NULL, devt, NULL, "%s%u",
				    scull_kind_name[kind], index);
	if (IS_ERR(dev->device)) {
		ret = PTR_ERR(dev->device);
		dev->device = NULL;
		pr_err("device_create %s%u failed: %d\n", scull_kind_name[kind],
		       index, ret);
		return ret;
	}
	return 0;
}

static void scull_devs_teardown(unsigned int count)
{
	while (count--)
		scull_dev_teardown(&scull_devs[count]);
}

static int __init scull_init(void)
{
	unsigned int i, nr_minors;
	int ret;

	ret = scull_check_params();
	if (ret)
		return ret;
	nr_minors = 2 * nr_devs;

	scull_devs = kcalloc(nr_minors, sizeof(*scull_devs), GFP_KERNEL);
	if (!scull_devs)
		return -ENOMEM;

	ret = alloc_chrdev_region(&scull_devt, 0, nr_minors, KBUILD_MODNAME);
	if (ret) {
		pr_err("alloc_chrdev_region failed: %d\n", ret);
		goto err_free_devs;
	}

	/* Before 6.4, class_create() was a macro taking the module too. */
#ifdef class_create
	scull_class = class_create(THIS_MODULE, KBUILD_MODNAME);
#else
	scull_class = class_create(KBUILD_MODNAME);
#endif
	if (IS_ERR(scull_class)) {
		ret = PTR_ERR(scull_class);
		pr_err("class_create failed: %d\n", ret);
		goto err_unregister;
	}

	for (i = 0; i < nr_minors; i++) {
		ret = scull_dev_setup(&scull_devs[i], i / nr_devs, i % nr_devs,
				      i);
		if (ret) {
			/* Device i is partly set up: tear it down too. */
			scull_devs_teardown(i + 1);
			goto err_class;
		}
	}

	if (!proc_create("scullpmem", 0400, NULL, &scullpmem_ops)) {
		ret = -ENOMEM;
		goto err_devs;
	}
	if (!proc_create("scullvmem", 0400, NULL, &scullvmem_ops)) {
		ret = -ENOMEM;
		goto err_proc_p;
	}

	ret = mscull_probe_init();
	if (ret)
		goto err_proc_v;

	pr_info("loaded: %d scullp (order %d) and %d scullv (%d pages), qset %d, major %d\n",
		nr_devs, order, nr_devs, vpages, qset, MAJOR(scull_devt));
	return 0;

err_proc_v:
	remove_proc_entry("scullvmem", NULL);
err_proc_p:
	remove_proc_entry("scullpmem", NULL);
err_devs:
	scull_devs_teardown(nr_minors);
err_class:
	class_destroy(scull_class);
err_unregister:
	unregister_chrdev_region(scull_devt, nr_minors);
err_free_devs:
	kfree(scull_devs);
	return ret;
}

static void __exit scull_exit(void)
{
	mscull_probe_exit();
	remove_proc_entry("scullvmem", NULL);
	remove_proc_entry("scullpmem", NULL);
	scull_devs_teardown(2 * nr_devs);
	class_destroy(scull_class);
	unregister_chrdev_region(scull_devt, 2 * nr_devs);
	kfree(scull_devs);
	pr_info("unloaded\n");
}

module_init(scull_init);
module_exit(scull_exit);

MODULE_DESCRIPTION("scullp/scullv memory devices and an allocator probe");
MODULE_LICENSE("GPL");
