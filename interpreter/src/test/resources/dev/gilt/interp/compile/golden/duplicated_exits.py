def onexc(func, path, exc):
    if isinstance(exc, PermissionError):
        if repeated and path == name:
                return
        try:
            if path != name:
                _resetperms(_os.path.dirname(path))
            try:
                cls._rmtree(path, ignore_errors=ignore_errors)
            except PermissionError:
                if not _os.path.isdir(path) or _os.path.isjunction(path):
                        return
                cls._rmtree(path, ignore_errors=ignore_errors,
                            repeated=(path == name))
        except FileNotFoundError:
            pass
    elif isinstance(exc, FileNotFoundError):
            raise
