"""What the operating system said, in Chinese: ``Permission denied`` is no message for
a user who reads Chinese."""

from __future__ import annotations

import errno

_CHINESE = {
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作（没有权限，或文件被锁定为不可修改）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EROFS: "所在的磁盘只读",
    errno.EIO: "读写磁盘时出错",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "链接层层相套，无法找到文件",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EMFILE: "打开的文件太多",
    errno.ENXIO: "设备不存在",
    errno.ETXTBSY: "文件正被占用",
}


def said(exc: OSError) -> str:
    """``exc`` in Chinese, with the system's own words after it when it has no translation here."""
    return _CHINESE.get(exc.errno or 0) or f"系统错误（{exc.strerror or exc}）"
