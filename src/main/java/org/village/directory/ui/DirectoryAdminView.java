package org.village.directory.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.village.directory.DirectoryImport;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.village.directory.DirectoryService;
import org.village.directory.FeedImports;
import org.village.directory.ImportReport;
import org.village.directory.ServiceDetail;
import org.village.directory.ServiceSummary;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/** Admins keep the directory right: edit or add a service (audited), or import an Open Referral UK feed. */
@Route("admin/services")
@PageTitle("Edit services | Village")
@Menu(order = 45, title = "Edit services")
@RolesAllowed(Roles.ADMIN)
class DirectoryAdminView extends Div {

    private final DirectoryService directory;
    private final DirectoryImport importer;
    /** Who is signed in, read once on the request that opened the page; an upload's UI.access passes it on. */
    private final VillageUser admin;
    private final FeedImports feedImports;
    private final Div fetching = new Div();
    /** The browser's own progress bar: no value while the size is unknown (it then shows it is busy). */
    private final HtmlComponent fetchProgress = new HtmlComponent("progress");
    private final Paragraph fetchStatus = new Paragraph();
    private final Button stopFetching = new Button("Stop fetching");
    private Button previewButton;
    private Button importButton;
    private FeedImports.Job job;
    private final TextField search = new TextField("Find a service");
    private final Grid<ServiceSummary> grid = new Grid<>();
    private final Div editor = new Div();
    private final Div importResult = new Div();
    private final Div uploaded = new Div();
    private Upload upload;
    private String uploadedFeed;
    private String uploadedName;

    DirectoryAdminView(DirectoryService directory, DirectoryImport importer, FeedImports feedImports,
                       CurrentUser currentUser) {
        this.directory = directory;
        this.importer = importer;
        this.feedImports = feedImports;
        this.admin = currentUser.require();
        addClassNames("page", "wide", "directory-admin");
        add(new H1("Edit services"));
        add(new Paragraph("Every change is saved in the audit log with your name and the time."));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(ServiceSummary::name).setHeader("Service").setAutoWidth(true);
        grid.addColumn(ServiceSummary::organization).setHeader("Run by");
        grid.addColumn(s -> s.withdrawn() ? "Withdrawn" : "Listed").setHeader("In the directory").setAutoWidth(true);
        StackedGrid.below(520, grid, "Service", LitRenderer.<ServiceSummary>of("""
                <div class="grid-card"><span class="grid-card-title">${item.name}</span>
                <span class="grid-card-meta">Run by ${item.by}</span>
                <span class="grid-card-meta">${item.listed}</span></div>""")
                .withProperty("name", ServiceSummary::name)
                .withProperty("by", ServiceSummary::organization)
                .withProperty("listed", s -> s.withdrawn() ? "Withdrawn from the directory" : "Listed in the directory"));
        grid.setAriaLabel("Services");
        grid.setHeight("22rem");
        // pages through the database as the admin scrolls
        // withdrawn services stay in this list, so they can be put back
        grid.setItems(q -> directory.adminSearch(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> directory.adminCount(search.getValue()));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::edit));
        var add = new Button("Add a service", e -> create());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(search, grid, add, editor);
        add(importSection());
    }

    private void edit(ServiceSummary summary) {
        editor.removeAll();
        directory.byId(summary.id()).ifPresent(detail -> {
            editor.add(new H2("Change " + detail.name()));
            editor.add(listing(detail));
            editor.add(new ServiceForm(directory, detail, input -> {
                var saved = directory.update(detail.id(), detail.version(), input);
                grid.getDataProvider().refreshAll();
                editor.removeAll();
                editor.add(Forms.notice("success", saved.name() + " is saved."));
            }));
        });
    }

    /** Withdraw (with a confirm) or put back: withdrawing hides the service but deletes nothing. */
    private Div listing(ServiceDetail detail) {
        var box = new Div();
        box.addClassName("listing");
        if (detail.withdrawn()) {
            var w = detail.withdrawal();
            box.add(Forms.notice("warning", "Withdrawn" + (w.at() == null ? "" : " on " + Times.dateTime(w.at()))
                    + (w.by() == null ? "" : " by " + w.by()) + (w.reason() == null ? "" : ": " + w.reason())
                    + ". It is hidden from the directory, search, help now and the Open Referral UK feed."));
            var restore = new Button("Put back in the directory", e -> restore(detail));
            restore.addThemeVariants(ButtonVariant.PRIMARY);
            box.add(restore);
        } else {
            var withdraw = new Button("Withdraw this service", e -> confirmWithdraw(detail));
            withdraw.addThemeVariants(ButtonVariant.ERROR);
            box.add(withdraw);
        }
        return box;
    }

    private void confirmWithdraw(ServiceDetail detail) {
        var reason = new TextField("Why? (kept in the audit log)");
        reason.setMaxLength(300);
        reason.setWidthFull();
        var confirm = new ConfirmDialog();
        confirm.setHeader("Withdraw " + detail.name() + "?");
        confirm.setText(new Div(new Paragraph("It will no longer show in the directory, search, help now or the "
                + "Open Referral UK feed. Children's teams that list it keep it. Nothing is deleted, and you can put "
                + "it back at any time."), reason));
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it listed");
        confirm.setConfirmText("Withdraw");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                var saved = directory.withdraw(detail.id(), reason.getValue());
                grid.deselectAll();
                grid.getDataProvider().refreshAll();
                editor.removeAll();
                var undo = new Button("Undo", u -> restore(saved));
                var notice = Forms.notice("success", saved.name() + " is withdrawn. It no longer shows in the directory. ");
                notice.add(undo);
                editor.add(notice);
            } catch (InputProblem p) {
                editor.add(Forms.notice("error", p.getMessage()));
            }
        });
        Forms.openSafely(confirm);
    }

    private void restore(ServiceDetail detail) {
        try {
            var saved = directory.restore(detail.id());
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            editor.removeAll();
            editor.add(Forms.notice("success", saved.name() + " is back in the directory."));
        } catch (InputProblem p) {
            editor.add(Forms.notice("error", p.getMessage()));
        }
    }

    private void create() {
        editor.removeAll();
        grid.deselectAll();
        editor.add(new H2("Add a service"));
        editor.add(new ServiceForm(directory, null, input -> {
            var saved = directory.create(input);
            grid.getDataProvider().refreshAll();
            editor.removeAll();
            editor.add(Forms.notice("success", saved.name() + " is added."));
        }));
    }

    private Div importSection() {
        var section = new Div();
        section.add(new H2("Import from an Open Referral UK feed"));
        section.add(new Paragraph("Choose a JSON file, paste the feed, or give its web address, then preview. "
                + "Services are matched by their id, so importing the same feed again changes nothing. If any "
                + "record is wrong, nothing is imported and you see which records to fix."));
        var feed = new TextArea("Feed (JSON)");
        feed.setWidthFull();
        feed.setMaxHeight("14rem");
        var address = new TextField("Or the feed's web address");
        address.setWidthFull();
        var preview = new Button("Preview", e -> run(feed, address, false));
        var apply = new Button("Import", e -> run(feed, address, true));
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        previewButton = preview;
        importButton = apply;
        fetchProgress.getElement().setAttribute("aria-label", "Fetching the feed");
        fetchProgress.getElement().setAttribute("max", "100");
        fetchStatus.getElement().setAttribute("role", "status");
        stopFetching.addClickListener(e -> stopFetch());
        fetching.addClassName("feed-fetching");
        fetching.add(fetchStatus, fetchProgress, stopFetching);
        fetching.setVisible(false);
        section.add(fileChooser(), uploaded, feed, address, preview, apply, fetching, importResult);
        return section;
    }

    /**
     * Fetches the feed in the background (decision 067): the page stays usable, shows how much has arrived and
     * can stop. The answer comes back through push; the text lands in the feed box, so nothing is lost.
     */
    private void startFetch(TextArea feed, String url, boolean apply) {
        var ui = UI.getCurrent();
        // the answers come through ui.access, which waits for this request to finish: busy(true) is seen first
        busy(true, "Fetching the feed from " + url + " ...");
        try {
            job = start(ui, feed, url, apply);
        } catch (InputProblem p) {
            busy(false, null);
            throw p;
        }
    }

    private FeedImports.Job start(UI ui, TextArea feed, String url, boolean apply) {
        return feedImports.start(url, apply, new FeedImports.Listener() {
            private long shownKb = -1;

            @Override
            public void progress(long bytes, long expected) {
                long kb = bytes / 1024;
                if (kb == shownKb || kb - shownKb < 32 && bytes != expected) {
                    return; // at most one update per 32 KB
                }
                shownKb = kb;
                push(ui, () -> {
                    if (expected > 0) {
                        fetchProgress.getElement().setAttribute("value",
                                String.valueOf(Math.min(100, bytes * 100 / expected)));
                    }
                    fetchStatus.setText("Fetching the feed: " + kb + " KB so far"
                            + (expected > 0 ? " of " + expected / 1024 + " KB." : "."));
                });
            }

            @Override
            public void done(String text, org.village.directory.ImportReport report) {
                push(ui, () -> {
                    busy(false, null);
                    feed.setValue(text);
                    show(report, apply);
                    if (report.applied()) {
                        grid.getDataProvider().refreshAll();
                    }
                });
            }

            @Override
            public void failed(String message) {
                push(ui, () -> {
                    busy(false, null);
                    importResult.add(Forms.notice("error", message));
                });
            }
        });
    }

    /** Updates the page from the fetch's thread; a page that has gone (closed, reloaded) is left alone. */
    private static void push(UI ui, com.vaadin.flow.server.Command change) {
        try {
            ui.access(change);
        } catch (com.vaadin.flow.component.UIDetachedException e) {
            // nobody is looking at this page any more
        }
    }

    private void stopFetch() {
        if (job != null) {
            job.stop();
            fetchStatus.setText("Stopping ...");
            stopFetching.setEnabled(false);
        }
    }

    private void busy(boolean on, String status) {
        fetching.setVisible(on);
        stopFetching.setEnabled(on);
        previewButton.setEnabled(!on);
        importButton.setEnabled(!on);
        if (on) {
            fetchProgress.getElement().removeAttribute("value");
            fetchStatus.setText(status);
        } else {
            job = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // the admin left the page (or reloaded it): nobody is waiting for this fetch any more
        if (job != null) {
            job.stop();
            job = null;
        }
        super.onDetach(event);
    }

    /**
     * A JSON file of at most 5 MB. The browser refuses other files first; the server reads at most one byte
     * more than the limit and {@link DirectoryImport#readFile} checks again, so the limit holds whatever the
     * browser sends.
     */
    private Upload fileChooser() {
        upload = new Upload((UploadHandler) event -> {
            byte[] bytes;
            try (var in = event.getInputStream()) {
                bytes = in.readNBytes(DirectoryImport.MAX_BYTES + 1);
            }
            String name = event.getFileName();
            event.getUI().access(() -> fileArrived(name, bytes));
        });
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(DirectoryImport.MAX_BYTES);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne("Choose a JSON file"))
                .setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here"))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig("That file is bigger than 5 MB. Please import it in parts.")
                        .setIncorrectFileType("Please choose a JSON file (its name ends in .json).")
                        .setTooManyFiles("Please choose one file at a time.")));
        upload.addFileRejectedListener(e -> {
            importResult.removeAll();
            importResult.add(Forms.notice("error", e.getErrorMessage() + " Nothing was imported."));
        });
        upload.addFileRemovedListener(e -> forgetFile());
        upload.addClassName("feed-file");
        return upload;
    }

    private void fileArrived(String name, byte[] bytes) {
        importResult.removeAll();
        try {
            uploadedFeed = importer.readFile(admin, name, bytes);
            uploadedName = name;
            uploaded.removeAll();
            uploaded.add(Forms.notice("success", "The file " + name + " is ready. Press Preview to see what "
                    + "would change. Nothing is saved until you press Import."));
        } catch (InputProblem p) {
            forgetFile();
            upload.clearFileList(); // so the admin can choose another file straight away
            importResult.add(Forms.notice("error", p.getMessage()));
        }
    }

    private void forgetFile() {
        uploadedFeed = null;
        uploadedName = null;
        uploaded.removeAll();
    }

    /** The chosen file comes first, then what is pasted, then the web address; what was typed is kept. */
    private void run(TextArea feed, TextField address, boolean apply) {
        importResult.removeAll();
        try {
            String text;
            if (uploadedFeed != null) {
                text = uploadedFeed;
            } else if (feed.isEmpty() && !address.isEmpty()) {
                startFetch(feed, address.getValue(), apply);
                return;
            } else {
                text = feed.getValue();
            }
            var report = apply ? importer.apply(text) : importer.preview(text);
            if (uploadedName != null) {
                importResult.add(new Paragraph("From the file " + uploadedName + "."));
            }
            show(report, apply);
            if (report.applied()) {
                grid.getDataProvider().refreshAll();
            }
        } catch (InputProblem p) {
            importResult.add(Forms.notice("error", p.getMessage()));
        }
    }

    private void show(ImportReport report, boolean apply) {
        String summary = report.count(ImportReport.Change.NEW) + " new, " + report.count(ImportReport.Change.CHANGED)
                + " changed, " + report.count(ImportReport.Change.UNCHANGED) + " unchanged, "
                + report.count(ImportReport.Change.FAILED) + " failed.";
        if (report.hasFailures()) {
            importResult.add(Forms.notice("error", "Nothing was imported. Please fix the failed records. " + summary));
        } else {
            importResult.add(Forms.notice("success", (apply ? "Imported. " : "Preview: nothing is saved yet. ") + summary));
        }
        var list = new UnorderedList();
        report.lines().stream().filter(l -> l.change() != ImportReport.Change.UNCHANGED).forEach(l -> list.add(
                new ListItem("Record " + l.record() + ", " + l.name() + ": " + l.change().name().toLowerCase() + " - " + l.detail())));
        importResult.add(list);
    }
}
