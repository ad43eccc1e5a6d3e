//! What a write may replace, what a failed write leaves behind (nothing), sets all or nothing,
//! and bounded reads.

use flightplan_files::{read_bounded, read_text_bounded, write_file, write_set, Replace};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Every name in `dir`, sorted: a failed write must not leave a temporary file among them.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn a_write_creates_or_replaces_a_regular_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan.pdf");
    write_file(&p, b"first", Replace::RegularOnly).unwrap();
    write_file(&p, b"second version", Replace::RegularOnly).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"second version");
    assert_eq!(names(dir.path()), ["plan.pdf"]);
}

#[test]
fn a_symlink_is_refused_unless_forced_and_then_only_the_link_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, b"keep me").unwrap();
    let link = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let e = write_file(&link, b"new", Replace::RegularOnly).unwrap_err();
    assert_eq!(e.code, "target_not_replaced");
    assert!(e.message.contains("symbolic link"), "{}", e.message);
    // The file is a field, not part of the sentence: each ring says where it is its own way.
    assert_eq!((e.file.as_deref(), e.path.as_deref()), (Some(link.to_str().unwrap()), None));
    assert!(!e.message.contains("out.csv"), "{}", e.message);
    assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
    assert_eq!(names(dir.path()), ["out.csv", "precious.txt"]);

    write_file(&link, b"new", Replace::Forced).unwrap();
    assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&link).unwrap(), b"new");
    assert_eq!(std::fs::read(&target).unwrap(), b"keep me", "the link's target is untouched");
}

#[test]
fn a_read_only_file_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("signed.pdf");
    std::fs::write(&p, b"signed").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let e = write_file(&p, b"new", Replace::RegularOnly).unwrap_err();
    assert_eq!(e.code, "target_not_replaced");
    assert!(e.message.contains("read-only"), "{}", e.message);
    assert_eq!(std::fs::read(&p).unwrap(), b"signed");
    assert_eq!(names(dir.path()), ["signed.pdf"]);
    write_file(&p, b"new", Replace::Forced).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"new");
}

#[test]
fn folders_and_devices_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("plan.pdf");
    std::fs::create_dir(&sub).unwrap();
    for replace in [Replace::RegularOnly, Replace::Forced] {
        assert_eq!(write_file(&sub, b"x", replace).unwrap_err().code, "target_not_replaced");
        let e = write_file(Path::new("/dev/null"), b"x", replace).unwrap_err();
        assert_eq!(e.code, "target_not_replaced");
        assert!(e.message.contains("device"), "{}", e.message);
    }
    assert_eq!(names(dir.path()), ["plan.pdf"]);
    assert!(sub.is_dir());
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    // The folder does not exist: nothing can be staged.
    let e = write_file(&dir.path().join("missing/plan.pdf"), b"x", Replace::RegularOnly).unwrap_err();
    assert_eq!(e.code, "file_unwritable");
    assert!(e.file.as_deref().is_some_and(|f| f.ends_with("plan.pdf")), "{e:?}");
    // A set whose second target may not be replaced: the first file is not written either.
    std::fs::write(dir.path().join("b.pdf"), b"old b").unwrap();
    std::fs::set_permissions(dir.path().join("b.pdf"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let files = vec![("a.pdf".to_string(), b"new a".to_vec()), ("b.pdf".to_string(), b"new b".to_vec())];
    let e = write_set(dir.path(), &files, Replace::RegularOnly).unwrap_err();
    assert_eq!(e.code, "target_not_replaced");
    assert_eq!(names(dir.path()), ["b.pdf"], "nothing of the set was written");
    assert_eq!(std::fs::read(dir.path().join("b.pdf")).unwrap(), b"old b");
}

#[test]
fn a_set_is_written_whole_and_replaces_the_old_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("orders");
    let first = vec![("acme.pdf".to_string(), b"a1".to_vec()), ("iheart.pdf".to_string(), b"i1".to_vec())];
    let paths = write_set(&out, &first, Replace::RegularOnly).unwrap();
    assert_eq!(paths, [out.join("acme.pdf"), out.join("iheart.pdf")]);
    let second = vec![("acme.pdf".to_string(), b"a2".to_vec()), ("new.pdf".to_string(), b"n2".to_vec())];
    write_set(&out, &second, Replace::RegularOnly).unwrap();
    assert_eq!(names(&out), ["acme.pdf", "iheart.pdf", "new.pdf"]);
    assert_eq!(std::fs::read(out.join("acme.pdf")).unwrap(), b"a2");
    assert_eq!(std::fs::read(out.join("iheart.pdf")).unwrap(), b"i1");
}

#[test]
fn a_set_with_names_that_clash_or_climb_out_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        vec![("Acme.pdf".to_string(), vec![1]), ("acme.pdf".to_string(), vec![2])],
        vec![("../escape.pdf".to_string(), vec![1])],
        vec![(".hidden.pdf".to_string(), vec![1])],
        vec![("a/b.pdf".to_string(), vec![1])],
    ] {
        assert_eq!(write_set(dir.path(), &bad, Replace::Forced).unwrap_err().code, "file_unwritable", "{bad:?}");
    }
    assert!(names(dir.path()).is_empty());
    assert!(!dir.path().parent().unwrap().join("escape.pdf").exists());
}

#[test]
fn reads_stop_at_their_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("report.csv");
    std::fs::write(&p, vec![b'x'; 1000]).unwrap();
    assert_eq!(read_bounded(&p, 1000, "report").unwrap().len(), 1000);
    let e = read_bounded(&p, 999, "report").unwrap_err();
    assert_eq!(e.code, "file_too_large");
    assert!(e.message.contains("report"), "{}", e.message);
    assert_eq!(read_bounded(&dir.path().join("nope.csv"), 10, "report").unwrap_err().code, "file_not_found");
    assert_eq!(read_bounded(dir.path(), 10, "report").unwrap_err().code, "file_unreadable");
    // A device that never ends is cut at the limit, not read forever.
    assert_eq!(read_bounded(Path::new("/dev/zero"), 4096, "plan file").unwrap_err().code, "file_too_large");
}

#[test]
fn text_reads_drop_a_bom_and_name_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan.json");
    std::fs::write(&p, b"\xef\xbb\xbf{\"a\":1}").unwrap();
    assert_eq!(read_text_bounded(&p, 100, "plan file").unwrap(), "{\"a\":1}");
    std::fs::write(&p, b"{\"a\":\xff}").unwrap();
    let e = read_text_bounded(&p, 100, "plan file").unwrap_err();
    assert_eq!(e.code, "invalid_text");
    assert!(e.message.contains("byte 6"), "{}", e.message);
}
