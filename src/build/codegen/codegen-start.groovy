// Starts a throw-away PostgreSQL for jOOQ code generation (see docs/decisions/0002-jooq-codegen.md).
// Skips everything when the changelogs under db/ are unchanged since the last generation.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import java.security.MessageDigest
import org.apache.commons.io.FileUtils

def base = project.basedir.toPath()
def target = base.resolve('target/generated-sources/jooq')
def digest = MessageDigest.getInstance('SHA-256')
def inputs = []
base.resolve('db').toFile().eachFileRecurse { if (it.isFile()) inputs << it }
inputs.sort { it.path }.each { f ->
    digest.update(base.relativize(f.toPath()).toString().bytes)
    digest.update(f.bytes)
}
digest.update("${project.properties['jooq.version']}|${project.properties['jooq.package']}".toString().bytes)
def hash = digest.digest().encodeHex().toString()
project.properties['codegen.hash'] = hash

def hashFile = target.resolve('.schema.sha256').toFile()
if (hashFile.isFile() && hashFile.text.trim() == hash) {
    log.info("jOOQ classes are up to date with db/ (${hash.take(12)}); skipping code generation")
    project.properties['codegen.skip'] = 'true'
    return
}
project.properties['codegen.skip'] = 'false'
def port = project.properties['codegen.pg.port'] as int
log.info("Starting embedded PostgreSQL on port ${port} for jOOQ code generation")
FileUtils.class // loaded now: zonky's shutdown hook needs it after Maven has closed this class realm
def pg = EmbeddedPostgres.builder().setPort(port).setCleanDataDirectory(true).start()
// Kept for the finish script; zonky's shutdown hook also stops it when Maven exits.
project.setContextValue('clinlead.codegen.postgres', pg)
