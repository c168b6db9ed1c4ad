; Inno Setup script for Briefing on Windows (Inno Setup 6: https://jrsoftware.org/isinfo.php).
;
; Build the bundle first (`make package`, or `python packaging\build.py` on Windows), then
; from the repository root:
;     iscc packaging\windows\briefing.iss
; The installer lands in dist\Briefing-<version>-setup.exe.  Pass /DAppVersion=1.2.3 to
; override the version.
;
; It installs dist\Briefing\ to Program Files (or the user's programs folder when not run
; as administrator), adds a Start-menu entry for the windowed editor (briefingw.exe),
; registers .briefing files (ProgID Briefing.Document, document icon, Open command
; passing "%1"), optionally puts the console CLI (briefing.exe) on PATH, and uninstalls
; cleanly from Settings > Apps.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Briefing"
#define AppPublisher "The Briefing team"
#define ProgId "Briefing.Document"
#define GuiExe "briefingw.exe"
#define CliExe "briefing.exe"

[Setup]
AppId={{7C7B4A8E-3F0B-4C55-9B7E-2B1F4E9A6D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
AppComments=Offline editor for cited analytic briefings
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ChangesEnvironment=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Briefing-{#AppVersion}-setup
SetupIconFile=resources\icons\briefing.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the 'briefing' command to PATH"; GroupDescription: "Command line:"; Flags: unchecked

[Files]
Source: "dist\Briefing\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "resources\icons\application-x-briefing.ico"; DestDir: "{app}"; DestName: "briefing-document.ico"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Offline editor for cited analytic briefings"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; .briefing -> ProgID Briefing.Document (HKA: HKLM for admin installs, HKCU otherwise).
Root: HKA; Subkey: "Software\Classes\.briefing"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefing"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-briefing"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefing\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Briefing document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\briefing-document.ico,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".briefing"; ValueData: ""; Flags: uninsdeletekey
; Optional: the console CLI on the user's PATH.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ True when Dir is not yet on the user's PATH. }
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

{ Take {app} off the user's PATH again on uninstall. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
    exit;
  Dir := ';' + ExpandConstant('{app}');
  P := Pos(Uppercase(Dir), Uppercase(Paths));
  if P > 0 then
  begin
    Delete(Paths, P, Length(Dir));
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths);
  end;
end;
