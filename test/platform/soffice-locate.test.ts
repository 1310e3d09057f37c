import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { currentHost } from "../../src/platform/host.js";
import { missingSofficeDiagnostic } from "../../src/platform/soffice-diagnostic.js";
import { locateSoffice } from "../../src/platform/soffice-locate.js";
import { fakeMachine, WINDOWS_ENV } from "./fake-machine.js";

describe("LibreOffice on Windows (registry-free)", () => {
  it("finds the 64-bit install in Program Files", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    const soffice = pc.file("Program Files/LibreOffice/program/soffice.exe");
    expect(locateSoffice(pc.host).found).toEqual({ path: soffice, source: "standard", sandbox: undefined });
  });

  it("finds a 32-bit install in Program Files (x86), and reads variables in any case, as Windows does", () => {
    const pc = fakeMachine("win32", { PROGRAMFILES: "<root>/Program Files", "programfiles(x86)": "<root>/Program Files (x86)" });
    const soffice = pc.file("Program Files (x86)/LibreOffice/program/soffice.exe");
    expect(locateSoffice(pc.host).found?.path).toBe(soffice);
  });

  it("finds an older installer's versioned folder, and a per-user install", () => {
    const old = fakeMachine("win32", WINDOWS_ENV);
    const versioned = old.file("Program Files/LibreOffice 7/program/soffice.exe");
    expect(locateSoffice(old.host).found?.path).toBe(versioned);

    const user = fakeMachine("win32", WINDOWS_ENV);
    const own = user.file("Users/clerk/AppData/Local/Programs/LibreOffice/program/soffice.exe");
    expect(locateSoffice(user.host).found?.path).toBe(own);
  });

  it("prefers soffice.exe on PATH, whose entries may be quoted", () => {
    const pc = fakeMachine("win32", { ...WINDOWS_ENV, Path: '<root>/Windows;"<root>/Tools/LO/program"' });
    pc.file("Program Files/LibreOffice/program/soffice.exe");
    const onPath = pc.file("Tools/LO/program/soffice.exe");
    expect(locateSoffice(pc.host).found).toMatchObject({ path: onPath, source: "path" });
  });

  it("takes --soffice first, then GONGWEN_SOFFICE, over any install", () => {
    const pc = fakeMachine("win32", { ...WINDOWS_ENV, GONGWEN_SOFFICE: "<root>/D/LibreOffice/program/soffice.exe" });
    pc.file("Program Files/LibreOffice/program/soffice.exe");
    const fromEnv = pc.file("D/LibreOffice/program/soffice.exe");
    const explicit = pc.file("E/Portable/LibreOfficePortable/App/libreoffice/program/soffice.exe");
    expect(locateSoffice(pc.host).found).toMatchObject({ path: fromEnv, source: "env" });
    expect(locateSoffice(pc.host, explicit).found).toMatchObject({ path: explicit, source: "option" });
  });

  it("takes the install folder, or the program without .exe, for the program", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    const soffice = pc.file("D/LibreOffice/program/soffice.exe");
    for (const named of [pc.at("D", "LibreOffice"), pc.at("D", "LibreOffice", "program"), pc.at("D", "LibreOffice", "program", "soffice")]) {
      expect(locateSoffice(pc.host, named).found?.path, named).toBe(soffice);
    }
  });

  it("reports a wrong --soffice instead of quietly running another LibreOffice", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    pc.file("Program Files/LibreOffice/program/soffice.exe");
    const search = locateSoffice(pc.host, pc.at("nowhere", "soffice.exe"));
    expect(search.found).toBeUndefined();
    expect(search.rejected).toEqual({ path: pc.at("nowhere", "soffice.exe"), source: "option" });
    const message = missingSofficeDiagnostic(search, pc.host);
    expect(message.zh).toContain("--soffice 指定的");
    expect(message.en).toContain("C:\\Program Files\\LibreOffice");
  });

  it("lists where it looked and says how to install it, the Windows way", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    const search = locateSoffice(pc.host);
    expect(search.found).toBeUndefined();
    expect(search.tried).toEqual([
      "PATH",
      pc.at("Program Files", "LibreOffice", "program", "soffice.exe"),
      pc.at("Program Files (x86)", "LibreOffice", "program", "soffice.exe"),
      pc.at("Users", "clerk", "AppData", "Local", "Programs", "LibreOffice", "program", "soffice.exe"),
    ]);
    const message = missingSofficeDiagnostic(search, pc.host);
    expect(message.rule).toBe("libreoffice-missing");
    expect(message.zh).toContain("winget install TheDocumentFoundation.LibreOffice");
    expect(message.en).not.toContain("apt-get");
  });
});

describe("LibreOffice on macOS", () => {
  it("finds the app bundle in /Applications, then in ~/Applications", () => {
    const mac = fakeMachine("darwin", { PATH: "<root>/usr/bin:<root>/bin" });
    const user = mac.file("Users/clerk/Applications/LibreOffice.app/Contents/MacOS/soffice", "", { program: true });
    expect(locateSoffice(mac.host).found).toMatchObject({ path: user, source: "standard" });
    const system = mac.file("Applications/LibreOffice.app/Contents/MacOS/soffice", "", { program: true });
    expect(locateSoffice(mac.host).found?.path).toBe(system);
  });

  it("takes the app bundle for the program", () => {
    const mac = fakeMachine("darwin");
    const soffice = mac.file("Volumes/Tools/LibreOffice.app/Contents/MacOS/soffice", "", { program: true });
    expect(locateSoffice(mac.host, mac.at("Volumes", "Tools", "LibreOffice.app")).found?.path).toBe(soffice);
  });

  it("does not take a file that is not executable for the program", () => {
    const mac = fakeMachine("darwin");
    mac.file("Applications/LibreOffice.app/Contents/MacOS/soffice");
    expect(locateSoffice(mac.host).found).toBeUndefined();
    expect(missingSofficeDiagnostic(locateSoffice(mac.host), mac.host).en).toContain("brew install --cask libreoffice");
  });
});

describe("LibreOffice on Linux", () => {
  it("finds The Document Foundation's /opt packages, newest version first", () => {
    const box = fakeMachine("linux", { PATH: "" });
    box.file("opt/libreoffice7.6/program/soffice", "", { program: true });
    const newest = box.file("opt/libreoffice24.8/program/soffice", "", { program: true });
    expect(locateSoffice(box.host).found).toMatchObject({ path: newest, source: "standard", sandbox: undefined });
  });

  it("marks snap and flatpak installs, which cannot see /tmp", () => {
    const snap = fakeMachine("linux", { PATH: "" });
    snap.file("snap/bin/libreoffice", "", { program: true });
    expect(locateSoffice(snap.host).found?.sandbox).toBe("snap");

    const flatpak = fakeMachine("linux", { PATH: "" });
    flatpak.file("home/clerk/.local/share/flatpak/exports/bin/org.libreoffice.LibreOffice", "", { program: true });
    expect(locateSoffice(flatpak.host).found?.sandbox).toBe("flatpak");
  });

  it("takes PATH before any fixed place", () => {
    const box = fakeMachine("linux", { PATH: "<root>/usr/local/bin:<root>/usr/bin" });
    box.file("opt/libreoffice24.8/program/soffice", "", { program: true });
    const onPath = box.file("usr/bin/libreoffice", "", { program: true });
    expect(locateSoffice(box.host).found).toMatchObject({ path: onPath, source: "path" });
  });

  it.runIf(existsSync("/usr/bin/soffice"))("finds this machine's LibreOffice", () => {
    expect(locateSoffice(currentHost()).found?.path).toMatch(/soffice$|libreoffice$/);
  });
});
