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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/** Admins keep the directory right: edit or add a service (audited), or import an Open Referral UK feed. */
@Route("admin/services")
@Menu(order = 45, title = "Edit services")
@RolesAllowed(Roles.ADMIN)
class DirectoryAdminView extends Div implements HasDynamicTitle {

    private final DirectoryService directory;
    private final DirectoryImport importer;
    /** Who is signed in, read once on the request that opened the page; an upload's UI.access passes it on. */
    private final VillageUser admin;
    private final FeedImports feedImports;
    private final Div fetching = new Div();
    /** The browser's own progress bar: no value while the size is unknown (it then shows it is busy). */
    private final HtmlComponent fetchProgress = new HtmlComponent("progress");
    private final Paragraph fetchStatus = new Paragraph();
    private final Button stopFetching = new Button();
    private Button previewButton;
    private Button importButton;
    private FeedImports.Job job;
    private final TextField search = new TextField();
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
        stopFetching.setText(getTranslation("directory.admin.stop"));
        search.setLabel(getTranslation("directory.admin.find"));
        add(new H1(getTranslation("directory.admin.title")));
        add(new Paragraph(getTranslation("directory.admin.intro")));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(ServiceSummary::name).setHeader(getTranslation("directory.admin.column.service")).setAutoWidth(true);
        grid.addColumn(ServiceSummary::organization).setHeader(getTranslation("directory.admin.column.runBy"));
        grid.addColumn(s -> getTranslation(s.withdrawn() ? "directory.admin.withdrawn" : "directory.admin.listed"))
                .setHeader(getTranslation("directory.admin.column.listed")).setAutoWidth(true);
        StackedGrid.below(520, grid, getTranslation("directory.admin.column.service"), LitRenderer.<ServiceSummary>of("""
                <div class="grid-card"><span class="grid-card-title">${item.name}</span>
                <span class="grid-card-meta">${item.by}</span>
                <span class="grid-card-meta">${item.listed}</span></div>""")
                .withProperty("name", ServiceSummary::name)
                .withProperty("by", s -> getTranslation("directory.runBy", s.organization()))
                .withProperty("listed", s -> getTranslation(s.withdrawn() ? "directory.admin.card.withdrawn"
                        : "directory.admin.card.listed")));
        grid.setAriaLabel(getTranslation("directory.admin.grid"));
        grid.setHeight("22rem");
        // pages through the database as the admin scrolls
        // withdrawn services stay in this list, so they can be put back
        grid.setItems(q -> directory.adminSearch(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> directory.adminCount(search.getValue()));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::edit));
        var add = new Button(getTranslation("directory.admin.add"), e -> create());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(search, grid, add, editor);
        add(importSection());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.admin.pageTitle");
    }

    private void edit(ServiceSummary summary) {
        editor.removeAll();
        directory.byId(summary.id()).ifPresent(detail -> {
            editor.add(new H2(getTranslation("directory.admin.change", detail.name())));
            editor.add(listing(detail));
            editor.add(new ServiceForm(directory, detail, input -> {
                var saved = directory.update(detail.id(), detail.version(), input);
                grid.getDataProvider().refreshAll();
                editor.removeAll();
                editor.add(Forms.notice("success", getTranslation("directory.admin.saved", saved.name())));
            }));
        });
    }

    /** Withdraw (with a confirm) or put back: withdrawing hides the service but deletes nothing. */
    private Div listing(ServiceDetail detail) {
        var box = new Div();
        box.addClassName("listing");
        if (detail.withdrawn()) {
            var w = detail.withdrawal();
            box.add(Forms.notice("warning", getTranslation("directory.admin.withdrawnState")
                    + (w.at() == null ? "" : " " + getTranslation("directory.admin.withdrawnOn", DirectoryWords.dateTime(getLocale(), w.at())))
                    + (w.by() == null ? "" : " " + getTranslation("directory.admin.withdrawnBy", w.by()))
                    + (w.reason() == null ? "" : ": " + w.reason())
                    + ". " + getTranslation("directory.admin.hidden")));
            var restore = new Button(getTranslation("directory.admin.restore"), e -> restore(detail));
            restore.addThemeVariants(ButtonVariant.PRIMARY);
            box.add(restore);
        } else {
            var withdraw = new Button(getTranslation("directory.admin.withdraw"), e -> confirmWithdraw(detail));
            withdraw.addThemeVariants(ButtonVariant.ERROR);
            box.add(withdraw);
        }
        return box;
    }

    private void confirmWithdraw(ServiceDetail detail) {
        var reason = new TextField(getTranslation("directory.admin.reason"));
        reason.setMaxLength(300);
        reason.setWidthFull();
        var confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("directory.admin.withdrawTitle", detail.name()));
        confirm.setText(new Div(new Paragraph(getTranslation("directory.admin.withdrawText")), reason));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("directory.admin.keepListed"));
        confirm.setConfirmText(getTranslation("directory.admin.withdrawConfirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                var saved = directory.withdraw(detail.id(), reason.getValue());
                grid.deselectAll();
                grid.getDataProvider().refreshAll();
                editor.removeAll();
                var undo = new Button(getTranslation("directory.admin.undo"), u -> restore(saved));
                var notice = Forms.notice("success", getTranslation("directory.admin.withdrawnDone", saved.name()) + " ");
                notice.add(undo);
                editor.add(notice);
            } catch (InputProblem p) {
                editor.add(Forms.notice("error", p.message(getLocale())));
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
            editor.add(Forms.notice("success", getTranslation("directory.admin.restored", saved.name())));
        } catch (InputProblem p) {
            editor.add(Forms.notice("error", p.message(getLocale())));
        }
    }

    private void create() {
        editor.removeAll();
        grid.deselectAll();
        editor.add(new H2(getTranslation("directory.admin.add")));
        editor.add(new ServiceForm(directory, null, input -> {
            var saved = directory.create(input);
            grid.getDataProvider().refreshAll();
            editor.removeAll();
            editor.add(Forms.notice("success", getTranslation("directory.admin.added", saved.name())));
        }));
    }

    private Div importSection() {
        var section = new Div();
        section.add(new H2(getTranslation("directory.admin.import.title")));
        section.add(new Paragraph(getTranslation("directory.admin.import.intro")));
        var feed = new TextArea(getTranslation("directory.admin.import.feed"));
        feed.setWidthFull();
        feed.setMaxHeight("14rem");
        var address = new TextField(getTranslation("directory.admin.import.address"));
        address.setWidthFull();
        var preview = new Button(getTranslation("directory.admin.import.preview"), e -> run(feed, address, false));
        var apply = new Button(getTranslation("directory.admin.import.apply"), e -> run(feed, address, true));
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        previewButton = preview;
        importButton = apply;
        fetchProgress.getElement().setAttribute("aria-label", getTranslation("directory.admin.fetch.label"));
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
        busy(true, getTranslation("directory.admin.fetch.from", url));
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
                    fetchStatus.setText(expected > 0
                            ? getTranslation("directory.admin.fetch.progressOf", String.valueOf(kb), String.valueOf(expected / 1024))
                            : getTranslation("directory.admin.fetch.progress", String.valueOf(kb)));
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
            public void failed(InputProblem problem) {
                push(ui, () -> {
                    busy(false, null);
                    importResult.add(Forms.notice("error", problem.message(getLocale())));
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
            fetchStatus.setText(getTranslation("directory.admin.fetch.stopping"));
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
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("directory.admin.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("directory.admin.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(getTranslation("directory.problem.import.fileTooBig"))
                        .setIncorrectFileType(getTranslation("directory.admin.upload.type"))
                        .setTooManyFiles(getTranslation("directory.admin.upload.many"))));
        upload.addFileRejectedListener(e -> {
            importResult.removeAll();
            importResult.add(Forms.notice("error", e.getErrorMessage() + " " + getTranslation("directory.admin.nothingImported")));
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
            uploaded.add(Forms.notice("success", getTranslation("directory.admin.upload.ready", name)));
        } catch (InputProblem p) {
            forgetFile();
            upload.clearFileList(); // so the admin can choose another file straight away
            importResult.add(Forms.notice("error", p.message(getLocale())));
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
                importResult.add(new Paragraph(getTranslation("directory.admin.import.fromFile", uploadedName)));
            }
            show(report, apply);
            if (report.applied()) {
                grid.getDataProvider().refreshAll();
            }
        } catch (InputProblem p) {
            importResult.add(Forms.notice("error", p.message(getLocale())));
        }
    }

    private void show(ImportReport report, boolean apply) {
        String summary = getTranslation("directory.admin.import.summary",
                String.valueOf(report.count(ImportReport.Change.NEW)), String.valueOf(report.count(ImportReport.Change.CHANGED)),
                String.valueOf(report.count(ImportReport.Change.UNCHANGED)), String.valueOf(report.count(ImportReport.Change.FAILED)));
        if (report.hasFailures()) {
            importResult.add(Forms.notice("error", getTranslation("directory.admin.import.failed") + " " + summary));
        } else {
            importResult.add(Forms.notice("success", getTranslation(apply ? "directory.admin.import.done"
                    : "directory.admin.import.previewed") + " " + summary));
        }
        var list = new UnorderedList();
        report.lines().stream().filter(l -> l.change() != ImportReport.Change.UNCHANGED).forEach(l -> list.add(
                new ListItem(getTranslation("directory.admin.import.line", String.valueOf(l.record()), l.name(),
                        getTranslation("directory.admin.import.change." + l.change().name().toLowerCase(java.util.Locale.ROOT)),
                        l.detail(getLocale())))));
        importResult.add(list);
    }
}
