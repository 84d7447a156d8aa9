package org.village.helpnow;

import java.util.List;

/**
 * Any feature that knows places to call for help implements this; the help-now page and panel ask every
 * source and work out which lines are open right now. Sources must be quick (cache if needed).
 */
public interface HelpNowSource {
    List<HelpLine> helpLines();
}
